package org.safeguarding.chronology.command.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.command.files.TestFiles.HEADER;
import static org.safeguarding.chronology.command.files.TestFiles.csv;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.security.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** POST /imports/chronology: every rule of the contract, each with a file that keeps it and one that breaks it. */
class ChronologyImportTest extends ImportServiceTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditTrail audit;

    static final byte[] CLEAN = csv(HEADER,
            "HV-1,14/03/2019 09:30,,Home visit,New birth visit; Mother and Child A seen,,Health Visitor 1,",
            "HV-2,?/03/2019,,CONTACT,\"Mother phoned, worried about feeding\",significant,,"
                    + "Parental mental health; neglect",
            "HV-3,?/?/2018,01/07/2019 10:15,appointment_missed,Missed 8-week check,ROUTINE,Health Visitor 1,"
                    + " NON_ENGAGEMENT ;",
            "HV-4,2019-07-02T08:00:00+01:00,2019-07-02T09:00:00Z,Concern raised,Bruise seen on Child A's arm,"
                    + "Critical,,",
            "HV-5,03/07/2019,,CHILD_SEEN,Child A seen at clinic,,,");

    @Test
    void eachRowIsAnEntryOfTheAgencyAndTheSameFileAgainStoresNothing() {
        assertImported(answer(post(CLEAN, CSV), 200), 5, 0);

        List<EntryRecorded> entries = entries();
        assertThat(entries).extracting(EntryRecorded::sourceRef).containsExactly("HV-1", "HV-2", "HV-3", "HV-4",
                "HV-5");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.agencyId()).isEqualTo(health);
            assertThat(entry.childId()).isEqualTo(child);
        });
        EntryRecorded visit = entries.get(0);
        assertThat(visit.occurredAt()).isEqualTo(Instant.parse("2019-03-14T09:30:00Z"));
        assertThat(visit.occurredAtPrecision()).isEqualTo(DatePrecision.EXACT);
        assertThat(visit.knownAt()).isEqualTo(visit.occurredAt());
        assertThat(visit.kind()).isEqualTo(EntryKind.HOME_VISIT);
        assertThat(visit.significance()).isEqualTo(Significance.ROUTINE);
        assertThat(visit.professional()).isEqualTo("Health Visitor 1");
        assertThat(visit.concerns()).isEmpty();
        EntryRecorded call = entries.get(1);
        assertThat(call.occurredAt()).isEqualTo(Instant.parse("2019-03-01T00:00:00Z"));
        assertThat(call.occurredAtPrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(call.knownAt()).isEqualTo(call.occurredAt());
        assertThat(call.summary()).isEqualTo("Mother phoned, worried about feeding");
        assertThat(call.significance()).isEqualTo(Significance.SIGNIFICANT);
        assertThat(call.professional()).isNull();
        assertThat(call.concerns()).containsExactly(Concern.PARENTAL_MENTAL_HEALTH, Concern.NEGLECT);
        EntryRecorded missed = entries.get(2);
        assertThat(missed.occurredAt()).isEqualTo(Instant.parse("2018-01-01T00:00:00Z"));
        assertThat(missed.occurredAtPrecision()).isEqualTo(DatePrecision.YEAR);
        // British Summer Time: 10:15 in London is 09:15 UTC
        assertThat(missed.knownAt()).isEqualTo(Instant.parse("2019-07-01T09:15:00Z"));
        assertThat(missed.kind()).isEqualTo(EntryKind.APPOINTMENT_MISSED);
        assertThat(missed.concerns()).containsExactly(Concern.NON_ENGAGEMENT);
        EntryRecorded concern = entries.get(3);
        assertThat(concern.occurredAt()).isEqualTo(Instant.parse("2019-07-02T07:00:00Z"));
        assertThat(concern.knownAt()).isEqualTo(Instant.parse("2019-07-02T09:00:00Z"));
        assertThat(concern.kind()).isEqualTo(EntryKind.CONCERN_RAISED);
        assertThat(concern.significance()).isEqualTo(Significance.CRITICAL);
        EntryRecorded seen = entries.get(4);
        assertThat(seen.occurredAt()).isEqualTo(Instant.parse("2019-07-03T00:00:00Z"));
        assertThat(seen.occurredAtPrecision()).isEqualTo(DatePrecision.DAY);

        assertImported(answer(post(CLEAN, CSV), 200), 0, 5);
        assertThat(entries()).hasSize(5);
    }

    @Test
    void everyFailingRowIsAnsweredWithItsRowAndColumnAndNothingIsStored() {
        byte[] file = csv(HEADER,
                "HV-1,14/03/2019 09:30,,HOME_VISIT,New birth visit,,,",
                "HV-2,14/03/2019 09:30,13/03/2019 09:30,CONTACT,Known before it happened,,,",
                "HV-3,14/03/2019,,Visit at home,Not a kind,,,",
                "HV-4,14/03/2019,,CONTACT,Not a significance,urgent,,",
                "HV-5,14/03/2019,,CONTACT,One concern unknown,,,Neglect; Poverty",
                "HV-6,31/02/2019,,CONTACT,No such day,,,",
                "HV-7,14/03/2019,,CONTACT,   ,,,",
                "HV-1,15/03/2019,,CONTACT,The Source ref of row 2 again,,,",
                "HV-8,01/01/2099,,CONTACT,In the future,,,",
                "HV-9,14/03/2019,15/03/2019,CONTACT,Known only to the day,,,",
                ",14/03/2019,,CONTACT,No Source ref,,,",
                "HV-10,2019-03-14,,CONTACT,A date in no accepted form,,,",
                "HV-11,31/03/2019 01:30,,CONTACT,An hour the clocks skipped,,,",
                "HV-12,,,CONTACT,No Occurred,,,",
                "HV-13,14/03/2019,,,No Kind,,,",
                ",,,,,,,",
                "HV-14,14/03/2019,,Visit at home,,,,",
                "HV-15,14/03/2019,,CONTACT,A good row,,,");

        Map<String, Object> answer = answer(post(file, CSV), 422);

        assertThat(rowsAndColumns(answer)).containsExactly("3 Known", "4 Kind", "5 Significance", "6 Concerns",
                "7 Occurred", "8 Summary", "9 Source ref", "10 Occurred", "11 Known", "12 Source ref", "13 Occurred",
                "14 Occurred", "15 Occurred", "16 Kind", "18 Kind", "18 Summary");
        assertThat(messages(answer)).containsExactly(
                "knownAt 2019-03-13T09:30:00Z is before occurredAt 2019-03-14T09:30:00Z",
                "Kind \"Visit at home\" is no kind of entry: give one of " + names(EntryKind.values())
                        + ", or its words (Home visit)",
                "Significance \"urgent\" is not one of ROUTINE, SIGNIFICANT, CRITICAL",
                "Concerns \"Poverty\" is no concern: give concerns separated by ; from " + names(Concern.values()),
                "Occurred \"31/02/2019\" is no date in the calendar: Invalid date 'FEBRUARY 31'",
                "summary must not be blank",
                "Source ref \"HV-1\" is also in row 2: one file holds each record of the agency once",
                messages(answer).get(7),
                "Known \"15/03/2019\" is only a day: give when it became known as dd/mm/yyyy hh:mm (Europe/London), "
                        + "an ISO-8601 instant with an offset (2019-03-14T09:30:00Z) or an Excel date with its time",
                "sourceRef must not be blank",
                "Occurred \"2019-03-14\" is not a date: give dd/mm/yyyy hh:mm (Europe/London), dd/mm/yyyy, "
                        + "?/mm/yyyy, ?/?/yyyy, an ISO-8601 instant with an offset (2019-03-14T09:30:00Z) or an Excel "
                        + "date",
                "Occurred \"31/03/2019 01:30\" is no time in Europe/London: the clocks went forward an hour then",
                "occurredAt is missing",
                "kind is missing",
                messages(answer).get(14),
                "summary must not be blank");
        assertThat(messages(answer).get(7)).startsWith("occurredAt 2099-01-01T00:00:00Z is later than the platform "
                + "clock");
        assertThat(entries()).isEmpty();

        // the good rows alone import, which shows the refusal stored nothing of them
        assertImported(answer(post(csv(HEADER, "HV-1,14/03/2019 09:30,,HOME_VISIT,New birth visit,,,",
                "HV-15,14/03/2019,,CONTACT,A good row,,,"), CSV), 200), 2, 0);
    }

    @Test
    void aSourceRefStoredWithOtherContentIsAConflictOnSourceRefAndNothingOfTheFileIsStored() {
        assertImported(answer(post(csv(HEADER, "HV-1,14/03/2019 09:30,,HOME_VISIT,New birth visit,,,"), CSV), 200),
                1, 0);
        byte[] file = csv(HEADER,
                "HV-2,15/03/2019,,CONTACT,A new record,,,",
                "HV-1,14/03/2019 09:30,,HOME_VISIT,New birth visit; Child A weighed,,,");

        String body = post(file, CSV).expectStatus().isEqualTo(422).expectBody(String.class).returnResult()
                .getResponseBody();

        System.out.println("A 422 answer: " + body);
        assertThat(body).matches("\\{\"imported\":0,\"duplicates\":0,\"errors\":\\[\\{\"row\":3,\"column\":\"Source "
                + "ref\",\"message\":\"sourceRef HV-1 of agency " + health + " was already recorded as entry " + child
                + "/E1, with different content\"}],\"tookMillis\":\\d+}");
        assertThat(entries()).extracting(EntryRecorded::sourceRef).containsExactly("HV-1");
    }

    @Test
    void aStoredRowIsADuplicateAndTheNewRowsOfTheFileAreStored() {
        assertImported(answer(post(csv(HEADER, "HV-1,14/03/2019 09:30,,HOME_VISIT,New birth visit,,,"), CSV), 200),
                1, 0);
        assertImported(answer(post(csv(HEADER, "HV-1,14/03/2019 09:30,,HOME_VISIT,New birth visit,,,",
                "HV-2,15/03/2019,,CONTACT,A new record,,,"), CSV), 200), 1, 1);
        assertThat(entries()).extracting(EntryRecorded::sourceRef).containsExactly("HV-1", "HV-2");
    }

    @Test
    void aMissingRequiredHeaderIsAnErrorOnRowOneNamingIt() {
        Map<String, Object> answer = answer(post(csv("Source ref,Occurred,Known,Notes",
                "HV-1,14/03/2019,,CONTACT"), CSV), 422);

        assertThat(rowsAndColumns(answer)).containsExactly("1 Kind", "1 Summary");
        assertThat(messages(answer)).containsExactly(
                "row 1 has no header Kind: row 1 holds the headers, and Kind is required",
                "row 1 has no header Summary: row 1 holds the headers, and Summary is required");
        assertThat(rowsAndColumns(answer(post(csv("Kind,Summary,Kind,Source ref,Occurred"), CSV), 422)))
                .containsExactly("1 Kind");
        assertThat(rowsAndColumns(answer(post(new byte[0], CSV), 422)))
                .containsExactly("1 Source ref", "1 Occurred", "1 Kind", "1 Summary");
        assertThat(entries()).isEmpty();
    }

    @Test
    void headersMatchWithoutRegardToCaseSpacesOrOrderAndOtherColumnsAreIgnored() {
        byte[] file = csv("  summary , Notes ,KIND,sourceref,OCCURRED,Case worker",
                "Child A seen at clinic,not imported,child seen,HV-1,14/03/2019,Social Worker 3");

        assertImported(answer(post(file, CSV), 200), 1, 0);

        EntryRecorded entry = entries().get(0);
        assertThat(entry.summary()).isEqualTo("Child A seen at clinic");
        assertThat(entry.kind()).isEqualTo(EntryKind.CHILD_SEEN);
        assertThat(entry.sourceRef()).isEqualTo("HV-1");
        assertThat(entry.professional()).isNull();
    }

    @Test
    void csvMayStartWithAByteOrderMarkAndQuoteCommasQuotesAndNewLinesAsRfc4180() {
        String rows = "Summary,Source ref,Occurred,Kind\r\n"
                + "\"Mother said, \"\"fine\"\"\nSeen again the next day\",HV-1,14/03/2019,contact\r\n"
                + "Second,HV-2,%s,contact\r\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        // the second record is row 3 of the sheet, though it begins on line 4 of the text
        assertThat(rowsAndColumns(answer(post(concat(bom, rows.formatted("14.03.2019")), CSV), 422)))
                .containsExactly("3 Occurred");
        assertImported(answer(post(concat(bom, rows.formatted("15/03/2019")), CSV), 200), 2, 0);

        assertThat(entries().get(0).summary()).isEqualTo("Mother said, \"fine\"\nSeen again the next day");
        assertThat(entries().get(0).sourceRef()).isEqualTo("HV-1");
    }

    @Test
    void aFileWithTheHeaderRowAloneImportsNothing() {
        assertImported(answer(post(csv(HEADER), CSV), 200), 0, 0);
        assertImported(answer(post(csv(HEADER, ",,,,,,,", ""), CSV), 200), 0, 0);
    }

    @Test
    void aFileThatIsNotUtf8CsvNorXlsxIsABadRequest() {
        byte[] latin1 = (HEADER + "\r\nHV-1,14/03/2019,,CONTACT,Visite au caf\u00e9,,,\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problem(post(latin1, CSV), 400)).contains("not UTF-8");
        assertThat(problem(post(csv(HEADER, "HV-1,14/03/2019,,CONTACT,\"never closed,,,"), CSV), 400))
                .contains("not valid CSV");
        assertThat(problem(post("not a workbook".getBytes(StandardCharsets.UTF_8), XLSX), 400))
                .contains("not a readable XLSX workbook");
        assertThat(entries()).isEmpty();
    }

    @Test
    void moreThanTenThousandDataRowsIsTooLargeAndStoresNothing() {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 10_001; i++) {
            lines.add("HV-" + i + ",14/03/2019,,CONTACT,Row " + i + ",,,");
        }
        assertThat(problem(post(csv(lines), CSV), 413)).contains("more than 10,000 data rows");
        assertThat(entries()).isEmpty();
    }

    @Test
    void aBodyOverTwentyMebibytesIsTooLargeAndStoresNothing() {
        byte[] file = new byte[(int) ChronologyUpload.MAX_BYTES + 1];
        Arrays.fill(file, (byte) 'a');
        byte[] header = (HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, file, 0, header.length);

        assertThat(problem(post(file, CSV), 413)).contains("larger than 20 MiB");

        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", file).filename("chronology.csv").contentType(CSV);
        multipart(client, form).expectStatus().isEqualTo(413);
        assertThat(entries()).isEmpty();
    }

    /** Over a socket to the service's Tomcat (the client above is MockMvc's), where the multipart limits apply. */
    @Test
    void overHttpABodyOrAPartOverTwentyMebibytesIsTooLargeAndAPartUpToThatIsTaken() throws Exception {
        byte[] file = new byte[(int) ChronologyUpload.MAX_BYTES + 1];
        Arrays.fill(file, (byte) 'a');
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:%d/imports/chronology?childId=%s&agencyId=%s".formatted(port, child,
                health));

        HttpResponse<String> raw = http.send(HttpRequest.newBuilder(uri).header("Authorization", ADMIN_AUTHORIZATION)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(413);
        assertThat(raw.body()).contains("larger than 20 MiB");

        String boundary = "chronology-boundary";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> part = http.send(HttpRequest.newBuilder(uri).header("Authorization", ADMIN_AUTHORIZATION)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(start),
                        HttpRequest.BodyPublishers.ofByteArray(file), HttpRequest.BodyPublishers.ofByteArray(end)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(part.statusCode()).isEqualTo(413);

        // 19 MiB in a column the import ignores: a part of that size is taken
        byte[] notes = new byte[19 * 1024 * 1024];
        Arrays.fill(notes, (byte) 'x');
        byte[] row = (HEADER + ",Notes\r\nHV-1,14/03/2019,,CONTACT,Child A seen,,,,").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> large = http.send(HttpRequest.newBuilder(uri).header("Authorization", ADMIN_AUTHORIZATION)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(start),
                        HttpRequest.BodyPublishers.ofByteArray(row), HttpRequest.BodyPublishers.ofByteArray(notes),
                        HttpRequest.BodyPublishers.ofByteArray(end)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(large.statusCode()).as(large.body()).isEqualTo(200);
        assertThat(entries()).extracting(EntryRecorded::sourceRef).containsExactly("HV-1");
    }

    @Test
    void theFileMayBeThePartFileOfAMultipartForm() {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", CLEAN).filename("health-visiting.csv").contentType(MediaType.APPLICATION_OCTET_STREAM);
        assertImported(answer(multipart(client, form), 200), 5, 0);

        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("other", CLEAN).filename("health-visiting.csv");
        assertThat(problem(multipart(client, noFile), 400)).contains("file");
    }

    @Test
    void anUnknownChildOrAgencyIsNotFoundAndMissingParametersAreABadRequest() {
        assertThat(problem(post(client, CLEAN, CSV, "child-never-registered", health), 404))
                .contains("child child-never-registered is not registered");
        assertThat(problem(post(client, CLEAN, CSV, child, "agency-never-registered"), 404))
                .contains("agency agency-never-registered is not registered");
        client.post().uri(uri -> uri.path("/imports/chronology").queryParam("childId", child).build())
                .contentType(CSV).bodyValue(CLEAN).exchange().expectStatus().isEqualTo(400);
    }

    @Test
    void onlyTheAdminAndTheAgencysOwnUsersMayImportForIt() {
        String police = registerAgency("Police 1", "POLICE");
        String officer = createUser("AGENCY", police);
        String reviewer = createUser("REVIEWER", null);
        String chair = createUser("CHAIR", null);
        String visitor = createUser("AGENCY", health);

        assertThat(problem(post(as(officer), CLEAN, CSV, child, health), 403)).contains("acts for agency " + police);
        assertThat(problem(post(as(reviewer), CLEAN, CSV, child, health), 403)).contains("REVIEWER");
        assertThat(problem(post(as(chair), CLEAN, CSV, child, health), 403)).contains("CHAIR");
        post(client.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build(), CLEAN, CSV,
                child, health).expectStatus().isEqualTo(401);
        assertThat(entries()).isEmpty();
        // each refusal is audited, newest first, as the GraphQL operations' are
        assertThat(audit.page(child, 10, null).edges()).extracting(edge -> edge.node().username() + " "
                + edge.node().operation()).containsExactly(chair + " denied:importChronology",
                reviewer + " denied:importChronology", officer + " denied:importChronology");
        assertThat(audit.page(child, 1, null).edges().get(0).node().arguments())
                .isEqualTo("{\"agencyId\":\"" + health + "\",\"childId\":\"" + child + "\"}");

        assertImported(answer(post(as(visitor), CLEAN, CSV, child, health), 200), 5, 0);
    }

    private WebTestClient as(String username) {
        return client.mutate().defaultHeaders(headers -> headers.setBasicAuth(username, PASSWORD)).build();
    }

    private WebTestClient.ResponseSpec multipart(WebTestClient client, MultipartBodyBuilder form) {
        return client.post().uri(uri -> uri.path("/imports/chronology").queryParam("childId", child)
                        .queryParam("agencyId", health).build())
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    /** The detail of a refusal answered as a problem (RFC 9457), after checking its status. */
    private String problem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> problem = answer(response, status);
        assertThat(problem).containsEntry("status", status);
        return String.valueOf(problem.get("detail"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("errors")).stream()
                .map(error -> String.valueOf(error.get("message"))).toList();
    }

    private static String names(Enum<?>[] values) {
        return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
    }

    private static byte[] concat(byte[] first, String second) {
        byte[] rest = second.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
