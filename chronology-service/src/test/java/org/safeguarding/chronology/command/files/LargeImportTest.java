package org.safeguarding.chronology.command.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.command.files.TestFiles.HEADER;
import static org.safeguarding.chronology.command.files.TestFiles.cells;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.safeguarding.chronology.api.child.ChildIds;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Files of the most rows an import takes, CSV and XLSX: each stored whole, its progress logged. */
@ExtendWith(OutputCaptureExtension.class)
class LargeImportTest extends ImportServiceTest {

    @Test
    void tenThousandRowsImportAsCsvAndAsXlsx(CapturedOutput output) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        List<List<Object>> rows = new ArrayList<>(List.of(cells("Source ref", "Occurred", "Kind", "Summary")));
        for (int i = 1; i <= ChronologyImport.MAX_ROWS; i++) {
            lines.add("HV-%d,14/03/2019 09:30,,HOME_VISIT,Visit %d to Child A at home,,Health Visitor 1,"
                    .formatted(i, i));
            rows.add(cells("HV-X" + i, LocalDateTime.of(2019, 3, 14, 9, 30).plusMinutes(i), "CONTACT",
                    "Call " + i + " with Mother"));
        }

        assertImported(answer(post(TestFiles.csv(lines), CSV), 200), ChronologyImport.MAX_ROWS, 0);
        assertImported(answer(post(TestFiles.xlsx(rows), XLSX), 200), ChronologyImport.MAX_ROWS, 0);

        assertThat(eventStore.lastSequenceNumberFor(ChildIds.aggregateId(child)))
                .hasValue(2L * ChronologyImport.MAX_ROWS);
        assertThat(output.getOut()).contains("10000 rows checked, recording them")
                .containsPattern("Import for child " + child + " from agency " + health
                        + ": 10000 imported, 0 duplicates, 0 errors in \\d+ ms");
    }
}
