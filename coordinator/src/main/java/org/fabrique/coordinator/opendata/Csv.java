package org.fabrique.coordinator.opendata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes records as RFC 4180 CSV: a header of the record's component names, one line per record,
 * CRLF line ends, fields quoted when they hold a comma, a quote or a line break. The same names
 * are the JSON exports' member names.
 */
final class Csv {

    private Csv() {
    }

    static <R extends Record> String write(Class<R> type, List<R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            csv.append(i == 0 ? "" : ",").append(field(components[i].getName()));
        }
        csv.append("\r\n");
        for (R row : rows) {
            for (int i = 0; i < components.length; i++) {
                csv.append(i == 0 ? "" : ",").append(field(value(components[i], row)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + row, e);
        }
    }
}
