package org.masakari.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masakari.api.auth.RequestContext;

class PolicyTest {
  private static RequestContext ctx(String project, boolean admin, String... roles) {
    return new RequestContext("u1", "user", project, "p", List.of(roles), null, admin, null);
  }

  @Test
  void ruleLanguage() {
    Policy p = Policy.from(Map.of(
        "a", "role:Admin or (role:reader and not role:banned)",
        "b", "project_id:%(project_id)s and rule:a",
        "c", "@", "d", "!", "e", "", "f", "is_admin:True", "g", "user_id:'u1'",
        "h", "not (role:x or role:y)"));
    assertThat(p.allows("a", ctx("p1", false, "admin"))).isTrue();
    assertThat(p.allows("a", ctx("p1", false, "reader"))).isTrue();
    assertThat(p.allows("a", ctx("p1", false, "reader", "banned"))).isFalse();
    assertThat(p.allows("b", ctx("p1", false, "reader"))).isTrue();
    assertThat(p.allows("c", ctx(null, false))).isTrue();
    assertThat(p.allows("d", ctx(null, true))).isFalse();
    assertThat(p.allows("e", ctx(null, false))).isTrue();
    assertThat(p.allows("f", ctx(null, true))).isTrue();
    assertThat(p.allows("f", ctx(null, false))).isFalse();
    assertThat(p.allows("g", ctx(null, false))).isTrue();
    assertThat(p.allows("h", ctx(null, false, "z"))).isTrue();
    assertThat(p.allows("unknown", ctx(null, true))).isFalse();
  }

  @Test
  void upstreamDefaultsAreAdminOnly() {
    Policy p = Policy.defaultsOnly();
    RequestContext member = ctx("p", false, "member");
    RequestContext admin = ctx("p", false, "admin");
    assertThat(p.isAdmin(admin)).isTrue();
    assertThat(p.isAdmin(member)).isFalse();
    assertThat(p.allows("os_masakari_api:segments:index", admin.withAdmin(true))).isTrue();
    assertThat(p.allows("os_masakari_api:notifications:create", member)).isFalse();
    assertThat(p.allows("os_masakari_api:versions:index", member)).isTrue();
  }

  @Test
  void badRulesAreRejectedWithTheirName() {
    assertThatThrownBy(() -> Policy.from(Map.of("x", "role:a and (role:b")))
        .hasMessageContaining("policy rule 'x'");
  }
}
