package org.safeguarding.chronology.command.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.command.files.TestFiles.cells;
import static org.safeguarding.chronology.command.files.TestFiles.xlsx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.command.files.TestFiles.DateFormula;
import org.safeguarding.chronology.command.files.TestFiles.Formula;

/** XLSX files: Excel date cells, formula cells, empty rows, other columns and sheets, numbers as Source refs. */
class XlsxImportTest extends ImportServiceTest {

    /** Summary, Source ref, Notes (not imported), Occurred, Kind, Known: in the sheet's own order and case. */
    static final List<Object> HEADERS = cells(" summary", "SOURCE REF", "Notes", "Occurred ", "kind", "Known");

    @Test
    void excelDatesFormulasAndNumbersAreReadAsTheSheetShowsThem() {
        byte[] file = xlsx(Arrays.asList(
                HEADERS,
                cells("New birth visit", 123456, "not imported", LocalDateTime.of(2019, 3, 14, 9, 30), "Home visit"),
                cells("Follow-up visit", new Formula("\"HV-\"&(1+1)"), null, new DateFormula("D2+1"),
                        new Formula("\"HOME_VISIT\"")),
                null,
                cells("Clinic, weight checked", "HV-5", 42, LocalDate.of(2019, 7, 1), "CHILD_SEEN",
                        LocalDateTime.of(2019, 7, 1, 10, 15)),
                cells("Mother phoned", "HV-6", null, "?/03/2019", "contact")));

        assertImported(answer(post(file, XLSX), 200), 4, 0);

        List<EntryRecorded> entries = entries();
        assertThat(entries).extracting(EntryRecorded::sourceRef).containsExactly("123456", "HV-2", "HV-5", "HV-6");
        assertThat(entries.get(0).occurredAt()).isEqualTo(Instant.parse("2019-03-14T09:30:00Z"));
        assertThat(entries.get(0).occurredAtPrecision()).isEqualTo(DatePrecision.EXACT);
        assertThat(entries.get(0).kind()).isEqualTo(EntryKind.HOME_VISIT);
        assertThat(entries.get(1).occurredAt()).isEqualTo(Instant.parse("2019-03-15T09:30:00Z"));
        assertThat(entries.get(1).occurredAtPrecision()).isEqualTo(DatePrecision.EXACT);
        assertThat(entries.get(1).kind()).isEqualTo(EntryKind.HOME_VISIT);
        // a date cell without a time is the day; a date and time in July is British Summer Time
        assertThat(entries.get(2).occurredAt()).isEqualTo(Instant.parse("2019-07-01T00:00:00Z"));
        assertThat(entries.get(2).occurredAtPrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(entries.get(2).knownAt()).isEqualTo(Instant.parse("2019-07-01T09:15:00Z"));
        assertThat(entries.get(2).summary()).isEqualTo("Clinic, weight checked");
        assertThat(entries.get(3).occurredAt()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
        assertThat(entries.get(3).occurredAtPrecision()).isEqualTo(DatePrecision.MONTH);

        assertImported(answer(post(file, XLSX), 200), 0, 4);
    }

    @Test
    void errorsNameTheSheetsOwnRowsPastEmptyRows() {
        byte[] file = xlsx(Arrays.asList(
                HEADERS,
                cells("New birth visit", "HV-1", null, LocalDateTime.of(2019, 3, 14, 9, 30), "HOME_VISIT"),
                null,
                null,
                cells("Known only to the day", "HV-2", null, LocalDate.of(2019, 3, 14), "CONTACT",
                        LocalDate.of(2019, 3, 15)),
                cells("", "", "", "", ""),
                cells("No such kind", "HV-3", null, LocalDate.of(2019, 3, 14), "Visit at home")));

        Map<String, Object> answer = answer(post(file, XLSX), 422);

        assertThat(rowsAndColumns(answer)).containsExactly("5 Known", "7 Kind");
        assertThat(entries()).isEmpty();
    }

    @Test
    void onlyTheFirstSheetIsReadAndAHeaderRowAloneImportsNothing() {
        assertImported(answer(post(xlsx(List.of(HEADERS)), XLSX), 200), 0, 0);
    }
}
