package org.masakari.core.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.SharedSessionContract;
import org.hibernate.query.Query;
import org.masakari.core.fault.Fault;

/**
 * Builds "live rows of one table, filtered, ordered by any column, after a marker row" as oslo.db's
 * paginate_query does: the marker is the integer id of a live row of the same table (ignoring
 * filters); rows after it are those greater in the lexicographic sort order. NULLs sort lowest, as on
 * MariaDB (H2 is configured the same), and the comparisons below follow that.
 */
public final class PagedQuery<T> {
  private final Class<T> entity;
  private final Map<String, String> columns;
  private final StringBuilder where = new StringBuilder("e.deleted = 0");
  private String fetch = "";
  private final Map<String, Object> params = new LinkedHashMap<>();

  public PagedQuery(Class<T> entity, Map<String, String> columns) {
    this.entity = entity;
    this.columns = columns;
  }

  /**
   * Adds a filter on an ENUM column: a value outside the enum matches nothing (comparing an ENUM column
   * with a foreign literal is an error on some databases; upstream simply returns no rows).
   */
  public PagedQuery<T> eqEnum(String attribute, String value, java.util.Collection<String> allowed) {
    if (!allowed.contains(value)) {
      where.append(" and 1 = 0");
      return this;
    }
    return eq(attribute, value);
  }

  /** Loads an association in the same query (one SELECT for a page of hosts with their segments). */
  public PagedQuery<T> fetchJoin(String association) {
    fetch = fetch + " join fetch e." + association;
    return this;
  }

  /** Adds {@code e.<attribute> = :value}. */
  public PagedQuery<T> eq(String attribute, Object value) {
    String p = "p" + params.size();
    where.append(" and e.").append(attribute).append(" = :").append(p);
    params.put(p, value);
    return this;
  }

  public PagedQuery<T> ge(String attribute, Object value) {
    String p = "p" + params.size();
    where.append(" and e.").append(attribute).append(" >= :").append(p);
    params.put(p, value);
    return this;
  }

  public List<T> list(SharedSessionContract s, PageRequest page) {
    if (page.limit() == 0) {
      return List.of();
    }
    if (where.indexOf(" and 1 = 0") >= 0 && page.marker() == null) {
      return List.of();
    }
    // resolve marker before validating sort keys: upstream reports a bad marker first
    T markerRow = null;
    if (page.marker() != null) {
      markerRow = findMarker(s, page.marker());
    }
    List<String> attrs = new ArrayList<>();
    for (String key : page.sort().keys()) {
      String attr = columns.get(key);
      if (attr == null) {
        throw Fault.invalidSortKey(key);
      }
      attrs.add(attr);
    }
    StringBuilder hql = new StringBuilder("from ").append(entity.getSimpleName()).append(" e").append(fetch)
        .append(" where ")
        .append(where);
    Map<String, Object> all = new LinkedHashMap<>(params);
    if (markerRow != null) {
      hql.append(" and (").append(afterMarker(s, markerRow, attrs, page.sort().dirs(), all)).append(')');
    }
    hql.append(" order by ");
    for (int i = 0; i < attrs.size(); i++) {
      if (i > 0) {
        hql.append(", ");
      }
      hql.append("e.").append(attrs.get(i)).append(' ').append(page.sort().dirs().get(i));
    }
    Query<T> q = s.createQuery(hql.toString(), entity);
    all.forEach(q::setParameter);
    q.setMaxResults(page.limit());
    return q.getResultList();
  }

  private T findMarker(SharedSessionContract s, String marker) {
    Integer id = parseId(marker);
    if (id == null) {
      throw Fault.markerNotFound(marker);
    }
    List<T> rows = s.createQuery("from " + entity.getSimpleName() + " e where e.id = :id and e.deleted = 0", entity)
        .setParameter("id", id).getResultList();
    if (rows.isEmpty()) {
      throw Fault.markerNotFound(marker);
    }
    return rows.get(0);
  }

  static Integer parseId(String marker) {
    String m = marker.strip();
    if (m.isEmpty() || m.length() > 10 || !m.chars().allMatch(Character::isDigit)) {
      return null;
    }
    long v = Long.parseLong(m);
    return v > Integer.MAX_VALUE ? null : (int) v;
  }

  private String afterMarker(SharedSessionContract s, T markerRow, List<String> attrs, List<String> dirs, Map<String, Object> all) {
    List<String> ors = new ArrayList<>();
    for (int i = 0; i < attrs.size(); i++) {
      List<String> ands = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        Object v = value(s, markerRow, attrs.get(j));
        if (v == null) {
          ands.add("e." + attrs.get(j) + " is null");
        } else {
          String p = "m" + all.size();
          all.put(p, v);
          ands.add("e." + attrs.get(j) + " = :" + p);
        }
      }
      Object v = value(s, markerRow, attrs.get(i));
      boolean asc = dirs.get(i).equals("asc");
      String a = "e." + attrs.get(i);
      if (v == null) {
        if (!asc) {
          continue; // nothing sorts below NULL
        }
        ands.add(a + " is not null");
      } else {
        String p = "m" + all.size();
        all.put(p, v);
        ands.add(asc ? a + " > :" + p : "(" + a + " < :" + p + " or " + a + " is null)");
      }
      ors.add(String.join(" and ", ands));
    }
    return ors.isEmpty() ? "1 = 0" : String.join(" or ", ors);
  }

  private Object value(SharedSessionContract s, T row, String attribute) {
    // read through the persistence metamodel instead of reflection on private fields
    var impl = (org.hibernate.engine.spi.SharedSessionContractImplementor) s;
    var persister = impl.getFactory().getMappingMetamodel().getEntityDescriptor(entity);
    if (attribute.equals("id")) {
      return persister.getIdentifier(row, impl);
    }
    return persister.getPropertyValue(row, attribute);
  }
}
