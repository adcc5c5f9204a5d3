package org.masakari.client.keystone;

import java.net.URI;
import java.util.Optional;

/** Where to send API requests and the token to send with them (none for auth_type = none). */
public record ApiAccess(URI endpoint, Optional<String> token) {}
