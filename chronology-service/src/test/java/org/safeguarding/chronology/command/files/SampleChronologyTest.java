package org.safeguarding.chronology.command.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;

/** The sample health visiting chronology in docs/samples, as CSV and as XLSX, imports cleanly and alike. */
class SampleChronologyTest extends ImportServiceTest {

    @Test
    void theSampleImportsCleanlyAsCsvAndAsXlsxAndGivesTheSameEntries() throws IOException {
        byte[] csv = Files.readAllBytes(HealthVisitingSample.FOLDER.resolve(HealthVisitingSample.NAME + ".csv"));
        byte[] xlsx = Files.readAllBytes(HealthVisitingSample.FOLDER.resolve(HealthVisitingSample.NAME + ".xlsx"));
        int records = HealthVisitingSample.RECORDS.size();

        assertImported(answer(post(csv, CSV), 200), records, 0);
        List<EntryRecorded> fromCsv = entries();
        assertImported(answer(post(csv, CSV), 200), 0, records);

        child = registerChild();
        assertImported(answer(post(xlsx, XLSX), 200), records, 0);
        List<EntryRecorded> fromXlsx = entries();

        assertThat(fromCsv).hasSize(records);
        assertThat(fromXlsx).usingRecursiveFieldByFieldElementComparatorIgnoringFields("childId", "entryId")
                .containsExactlyElementsOf(fromCsv);
        assertThat(fromCsv).extracting(EntryRecorded::occurredAtPrecision).contains(DatePrecision.EXACT,
                DatePrecision.DAY, DatePrecision.MONTH);
        assertThat(fromCsv).extracting(EntryRecorded::kind).contains(EntryKind.HOME_VISIT,
                EntryKind.MULTI_AGENCY_MEETING, EntryKind.INVOLVEMENT_ENDED);
    }
}
