package org.masakari.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.masakari.core.queue.TransportUrl;

class DatabaseUrlTest {
  @Test
  void translatesSqlAlchemyUrls() {
    DatabaseUrl u = DatabaseUrl.parse("mysql+pymysql://masakari:s%40cret@db.example:3307/masakari?charset=utf8");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:mariadb://db.example:3307/masakari");
    assertThat(u.user()).isEqualTo("masakari");
    assertThat(u.password()).isEqualTo("s@cret");
    assertThat(DatabaseUrl.parse("mysql://u:p@127.0.0.1/m").jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/m");
    assertThat(DatabaseUrl.parse("jdbc:mariadb://h/m").jdbcUrl()).isEqualTo("jdbc:mariadb://h/m");
    assertThat(DatabaseUrl.parse("jdbc:h2:mem:x").jdbcUrl()).contains("MODE=MariaDB");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u@h/db")).hasMessageContaining("unsupported database");
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql+pymysql://u@h/")).hasMessageContaining("database name missing");
  }

  @Test
  void parsesTransportUrls() {
    TransportUrl t = TransportUrl.parse("rabbit://u:p%2F@h1:5673,u2:p2@h2/vhost1");
    assertThat(t.user()).isEqualTo("u");
    assertThat(t.password()).isEqualTo("p/");
    assertThat(t.addresses()).hasSize(2);
    assertThat(t.addresses().get(0).getPort()).isEqualTo(5673);
    assertThat(t.addresses().get(1).getPort()).isEqualTo(5672);
    assertThat(t.virtualHost()).isEqualTo("vhost1");
    assertThat(TransportUrl.parse("rabbit://guest:guest@127.0.0.1:5672/").virtualHost()).isEqualTo("/");
    assertThatThrownBy(() -> TransportUrl.parse("kafka://h")).hasMessageContaining("unsupported transport");
  }
}
