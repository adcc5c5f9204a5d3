package org.masakari.api.http;

import java.util.List;
import java.util.UUID;
import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.TestDatabase;

/** The same API contract on the real MariaDB and RabbitMQ of this machine (the production stack). */
class MariaDbRabbitApiBehaviourTest extends ApiBehaviourContract {
  @Override
  ApiFixture startApi() {
    return ApiFixture.start(TestDatabase.Kind.MARIADB, List.of(
        "transport_url = rabbit://guest:guest@127.0.0.1:5672/",
        "[masakari_java]", "work_queue_name = masakari.test." + UUID.randomUUID()), null, null);
  }
}
