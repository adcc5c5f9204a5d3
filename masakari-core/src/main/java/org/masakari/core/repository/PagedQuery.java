package org.masakari.core.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
  /** The same filters over column names, for {@link #listSql}. */
  private final StringBuilder sqlWhere = new StringBuilder("e.deleted = 0");
  private final Map<String, String> columnOf = new java.util.HashMap<>();
  private String fetch = "";
  private final Map<String, Object> params = new LinkedHashMap<>();

  public PagedQuery(Class<T> entity, Map<String, String> columns) {
    this.entity = entity;
    this.columns = columns;
    columns.forEach((column, attribute) -> columnOf.put(attribute, column));
  }

  /**
   * Adds a filter on an ENUM column: a value outside the enum matches nothing (comparing an ENUM column
   * with a foreign literal is an error on some databases; upstream simply returns no rows).
   */
  public PagedQuery<T> eqEnum(String attribute, String value, java.util.Collection<String> allowed) {
    if (!allowed.contains(value)) {
      where.append(" and 1 = 0");
      sqlWhere.append(" and 1 = 0");
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
    sqlWhere.append(" and e.").append(column(attribute)).append(" = :").append(p);
    params.put(p, value);
    return this;
  }

  public PagedQuery<T> ge(String attribute, Object value) {
    String p = "p" + params.size();
    where.append(" and e.").append(attribute).append(" >= :").append(p);
    sqlWhere.append(" and e.").append(column(attribute)).append(" >= :").append(p);
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

  /** Reads one row at the cursor of a plain-JDBC result. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet r, int firstColumn) throws SQLException;
  }

  /**
   * {@link #list} in plain SQL over {@code table} — same filters, marker rule, order and limit — reading
   * each row with {@code reader} from {@code selectColumns}: no session, no entity hydration.
   */
  public List<T> listSql(Connection c, PageRequest page, String table, String selectColumns, RowReader<T> reader)
      throws SQLException {
    if (page.limit() == 0) {
      return List.of();
    }
    if (sqlWhere.indexOf(" and 1 = 0") >= 0 && page.marker() == null) {
      return List.of();
    }
    Map<String, Object> markerRow = null;
    List<String> attrs = new ArrayList<>();
    if (page.marker() != null) {
      markerRow = findMarkerSql(c, table, page.marker());
    }
    for (String key : page.sort().keys()) {
      String attr = columns.get(key);
      if (attr == null) {
        throw Fault.invalidSortKey(key);
      }
      attrs.add(attr);
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(selectColumns).append(" FROM ").append(table)
        .append(" e WHERE ").append(sqlWhere);
    Map<String, Object> all = new LinkedHashMap<>(params);
    if (markerRow != null) {
      Map<String, Object> m = markerRow;
      sql.append(" AND (").append(afterMarker(m::get, a -> "e." + column(a), attrs, page.sort().dirs(), all))
          .append(')');
    }
    sql.append(" ORDER BY ");
    for (int i = 0; i < attrs.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append("e.").append(column(attrs.get(i))).append(' ').append(page.sort().dirs().get(i));
    }
    sql.append(" LIMIT ").append(page.limit());
    List<Object> values = new ArrayList<>();
    String positional = positional(sql.toString(), all, values);
    try (PreparedStatement p = c.prepareStatement(positional)) {
      for (int i = 0; i < values.size(); i++) {
        p.setObject(i + 1, values.get(i));
      }
      try (ResultSet r = p.executeQuery()) {
        List<T> rows = new ArrayList<>(Math.min(page.limit(), 1024));
        while (r.next()) {
          rows.add(reader.read(r, 1));
        }
        return rows;
      }
    }
  }

  private Map<String, Object> findMarkerSql(Connection c, String table, String marker) throws SQLException {
    Integer id = parseId(marker);
    if (id == null) {
      throw Fault.markerNotFound(marker);
    }
    try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ? AND deleted = 0")) {
      p.setInt(1, id);
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          throw Fault.markerNotFound(marker);
        }
        var meta = r.getMetaData();
        Map<String, Object> row = new java.util.HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          String attr = columns.get(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
          if (attr == null) {
            continue;
          }
          int type = meta.getColumnType(i);
          Object v = type == java.sql.Types.TIMESTAMP || type == java.sql.Types.DATE
              ? r.getObject(i, java.time.LocalDateTime.class) : r.getObject(i);
          row.put(attr, v);
        }
        return row;
      }
    }
  }

  private String column(String attribute) {
    String c = columnOf.get(attribute);
    if (c == null) {
      throw new IllegalArgumentException("no column for attribute " + attribute);
    }
    return c;
  }

  /** Named parameters (:p0, :m3) to JDBC's positional ones, values in order. */
  private static String positional(String sql, Map<String, Object> named, List<Object> values) {
    java.util.regex.Matcher m = NAMED.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      values.add(named.get(m.group(1)));
      m.appendReplacement(out, "?");
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile(":([pm]\\d+)");

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
    return afterMarker(a -> value(s, markerRow, a), a -> "e." + a, attrs, dirs, all);
  }

  /** Rows after the marker in the sort order; {@code expr} names an attribute in the query language used. */
  private static String afterMarker(java.util.function.Function<String, Object> markerValue,
      java.util.function.Function<String, String> expr, List<String> attrs, List<String> dirs, Map<String, Object> all) {
    List<String> ors = new ArrayList<>();
    for (int i = 0; i < attrs.size(); i++) {
      List<String> ands = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        Object v = markerValue.apply(attrs.get(j));
        if (v == null) {
          ands.add(expr.apply(attrs.get(j)) + " is null");
        } else {
          String p = "m" + all.size();
          all.put(p, v);
          ands.add(expr.apply(attrs.get(j)) + " = :" + p);
        }
      }
      Object v = markerValue.apply(attrs.get(i));
      boolean asc = dirs.get(i).equals("asc");
      String a = expr.apply(attrs.get(i));
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
