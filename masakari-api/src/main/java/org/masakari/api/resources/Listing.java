package org.masakari.api.resources;

import java.math.BigInteger;
import org.masakari.api.http.ApiRequest;
import org.masakari.core.domain.BoolParser;
import org.masakari.core.fault.Fault;
import org.masakari.core.repository.PageRequest;
import org.masakari.core.repository.SortSpec;

/** limit/page_size/marker/sort_key/sort_dir parsing with upstream's texts (common.py). */
final class Listing {
  private Listing() {}

  static PageRequest page(ApiRequest r, int maxLimit) {
    int limit = maxLimit;
    if (r.hasParam("limit")) {
      limit = (int) Math.min(maxLimit, integer(r.param("limit"), "limit"));
    }
    if (r.hasParam("page_size")) {
      integer(r.param("page_size"), "page_size");
    }
    String marker = r.hasParam("marker") ? r.param("marker") : null;
    SortSpec sort = SortSpec.parse(r.params("sort_key"), r.params("sort_dir"));
    return new PageRequest(limit, marker, sort);
  }

  private static long integer(String v, String name) {
    BigInteger b;
    try {
      b = new BigInteger(v.strip().replace("_", "x").replaceFirst("^\\+", ""));
    } catch (NumberFormatException e) {
      throw Fault.invalidInput(name + " must be an integer");
    }
    if (b.signum() < 0) {
      throw Fault.invalidInput(name + " must be >= 0");
    }
    return b.bitLength() > 62 ? Long.MAX_VALUE : b.longValue();
  }

  static Boolean bool(ApiRequest r, String name) {
    return r.hasParam(name) ? BoolParser.filter(name, r.param(name)) : null;
  }
}
