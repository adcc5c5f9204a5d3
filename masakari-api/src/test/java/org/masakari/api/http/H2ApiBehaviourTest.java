package org.masakari.api.http;

import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.TestDatabase;

/** The API contract on embedded H2 with the in-process queue (the all-in-one stack). */
class H2ApiBehaviourTest extends ApiBehaviourContract {
  @Override
  ApiFixture startApi() {
    return ApiFixture.start(TestDatabase.Kind.H2);
  }
}
