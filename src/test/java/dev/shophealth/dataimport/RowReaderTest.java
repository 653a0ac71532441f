package dev.shophealth.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shophealth.common.ProblemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    @Test
    void csvRowsKnowTheLineTheyStartOn() {
        String file = "id,text\n1,plain\n2,\"two\nlines\"\n\n3,\"中文，逗号\"";
        List<Row> rows = RowReader.csv(file);
        assertEquals(List.of(2, 3, 6), rows.stream().map(Row::line).toList());
        assertEquals("two\nlines", rows.get(1).values().get("text"));
        assertEquals("中文，逗号", rows.get(2).values().get("text"));
    }

    @Test
    void csvEmptyCellsAreAbsentValues() {
        assertNull(RowReader.csv("a,b\n1,\n").get(0).values().get("b"));
    }

    @Test
    void csvWithTooManyCellsNamesTheLine() {
        var e = assertThrows(ProblemException.class, () -> RowReader.csv("a,b\n1,2\n1,2,3\n"));
        assertEquals(3, e.errors().get(0).line());
    }

    @Test
    void brokenCsvNamesTheLineWithoutJavaClassNames() {
        var e = assertThrows(ProblemException.class, () -> RowReader.csv("id,name\n1,\"open\n"));
        assertEquals(2, e.errors().get(0).line());
        assertEquals(false, e.getMessage().contains("org.apache"), e.getMessage());
        assertThrows(ProblemException.class, () -> RowReader.csv("id,id\n1,2\n"), "a duplicate column");
    }

    @Test
    void jsonRowsKnowTheirLineAndRefuseNesting() {
        List<Row> rows = RowReader.json("[\n {\"a\": 1},\n {\"a\": \"x\", \"b\": null}\n]");
        assertEquals(List.of(2, 3), rows.stream().map(Row::line).toList());
        assertEquals("1", rows.get(0).values().get("a"));
        var e = assertThrows(ProblemException.class, () -> RowReader.json("[{\"a\": {\"b\": 1}}]"));
        assertEquals("a", e.errors().get(0).field());
    }
}
