package org.partnershipgraph.graphql;

import java.time.LocalDate;
import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/** Null-safe readers for properties of driver nodes, relationships and maps. */
public final class Props {

    private Props() {
    }

    /** The string at {@code key}, or null. */
    public static String str(MapAccessor m, String key) {
        Value v = m.get(key);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** The date at {@code key}, or null. */
    public static LocalDate date(MapAccessor m, String key) {
        Value v = m.get(key);
        return v == null || v.isNull() ? null : v.asLocalDate();
    }

    /** The integer at {@code key}, or null. */
    public static Integer integer(MapAccessor m, String key) {
        Value v = m.get(key);
        return v == null || v.isNull() ? null : v.asInt();
    }

    /** The long at {@code key}, or {@code fallback}. */
    public static long longOr(MapAccessor m, String key, long fallback) {
        Value v = m.get(key);
        return v == null || v.isNull() ? fallback : v.asLong();
    }

    /** The number at {@code key}, or null. */
    public static Double dbl(MapAccessor m, String key) {
        Value v = m.get(key);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    /** The list of strings at {@code key}, empty when absent. */
    public static List<String> strings(MapAccessor m, String key) {
        Value v = m.get(key);
        return v == null || v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
