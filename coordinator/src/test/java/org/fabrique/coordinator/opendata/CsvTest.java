package org.fabrique.coordinator.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    record Row(String name, long count) {
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedAndQuotesDoubled() {
        String csv = Csv.write(Row.class, List.of(new Row("Ain", 1), new Row("Provence-Alpes-Côte d'Azur, \"PACA\"", 2),
                new Row("two\nlines", 3), new Row(null, 4)));

        assertThat(csv).isEqualTo("name,count\r\nAin,1\r\n\"Provence-Alpes-Côte d'Azur, \"\"PACA\"\"\",2\r\n"
                + "\"two\nlines\",3\r\n,4\r\n");
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertThat(Csv.write(Row.class, List.of())).isEqualTo("name,count\r\n");
    }
}
