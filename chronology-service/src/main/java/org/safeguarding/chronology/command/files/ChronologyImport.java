package org.safeguarding.chronology.command.files;

import static org.safeguarding.chronology.api.text.TextRules.quoted;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.command.CommandChecks;
import org.safeguarding.chronology.command.access.CommandRights;
import org.safeguarding.chronology.command.agency.AgencyDirectory;
import org.safeguarding.chronology.command.chronology.RecordEntries;
import org.safeguarding.chronology.command.child.ChildDirectory;
import org.safeguarding.chronology.security.audit.AuditRecord;
import org.safeguarding.chronology.security.audit.AuditTrail;
import org.safeguarding.chronology.security.audit.AuditedField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An agency's chronology file imported as one all-or-nothing recordEntries of that agency about one child: the rights
 * of recordEntries, every row checked by CommandChecks as recordEntry is, a Source ref at most once per file, then
 * the rules that need the record in the child's case ({@link RecordEntries} all or nothing).
 */
@Component
public class ChronologyImport {

    /** The most data rows one file may hold. */
    public static final int MAX_ROWS = 10_000;
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final Logger log = LoggerFactory.getLogger(ChronologyImport.class);

    private final CommandGateway commands;
    private final CommandChecks checks;
    private final CommandRights rights;
    private final ChildDirectory children;
    private final AgencyDirectory agencies;
    private final AuditTrail audit;
    private final Clock clock;

    public ChronologyImport(CommandGateway commands, CommandChecks checks, CommandRights rights,
                            ChildDirectory children, AgencyDirectory agencies, AuditTrail audit, Clock clock) {
        this.commands = commands;
        this.checks = checks;
        this.rights = rights;
        this.children = children;
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * FORBIDDEN (audited as {@code denied:importChronology}) for a user who may not record for the agency, NOT_FOUND
     * for an unknown child or agency, {@link FileRefused} for a file too large or not readable; else the answer.
     */
    public ImportAnswer importFile(ActingUser user, String childId, String agencyId, ChronologyUpload upload) {
        Progress progress = new Progress(childId, agencyId);
        try {
            rights.checkRecordsFor(user, agencyId);
        } catch (RejectedException forbidden) {
            audited(user, childId, agencyId);
            throw forbidden;
        }
        children.requireRegistered(childId);
        agencies.requireRegistered(agencyId);
        CheckedRows checked = checkRows(upload, user, childId, agencyId, progress);
        if (!checked.errors().isEmpty() || checked.entries().isEmpty()) {
            return progress.done(0, 0, checked.errors());
        }
        return store(childId, checked, progress);
    }

    /** The file's data rows as commands, with their rows' numbers, and every error of the header or of a row. */
    private record CheckedRows(List<Integer> rowNumbers, List<RecordEntry> entries, List<RowError> errors) {
    }

    private CheckedRows checkRows(ChronologyUpload upload, ActingUser user, String childId, String agencyId,
                                  Progress progress) {
        List<Integer> rowNumbers = new ArrayList<>();
        List<RecordEntry> entries = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (SheetRows rows = upload.rows()) {
            Map<Integer, Column> columns = columns(rows.next(), errors);
            if (!errors.isEmpty()) {
                return new CheckedRows(rowNumbers, entries, errors);
            }
            Map<String, Integer> sourceRefRows = new HashMap<>();
            for (SheetRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (entries.size() == MAX_ROWS) {
                    throw FileRefused.tooLarge("the file has more than %,d data rows, the most one import takes"
                            .formatted(MAX_ROWS));
                }
                RecordEntry entry = check(cells(row, columns), childId, agencyId, user, errors);
                Integer earlier = sourceRefRows.putIfAbsent(entry.sourceRef(), row.number());
                if (earlier != null && !entry.sourceRef().isEmpty()) {
                    errors.add(RowError.of(row.number(), Column.SOURCE_REF, ("Source ref %s is also in row %d: one "
                            + "file holds each record of the agency once").formatted(quoted(entry.sourceRef()),
                            earlier)));
                }
                rowNumbers.add(row.number());
                entries.add(entry);
                progress.checked(entries.size());
            }
        }
        return new CheckedRows(rowNumbers, entries, errors);
    }

    /** One all-or-nothing RecordEntries: the record's rules refuse rows too (a stored Source ref, other content). */
    private ImportAnswer store(String childId, CheckedRows checked, Progress progress) {
        progress.storing(checked.entries().size());
        List<RecordEntries.Outcome> outcomes = commands.sendAndWait(
                new RecordEntries(childId, checked.entries(), true));
        List<RowError> errors = new ArrayList<>();
        int duplicates = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            RecordEntries.Outcome outcome = outcomes.get(i);
            if (outcome.rejection() != null) {
                errors.add(error(checked.rowNumbers().get(i), outcome.rejection()));
            } else if (outcome.receipt() != null && outcome.receipt().duplicate()) {
                duplicates++;
            }
        }
        return errors.isEmpty() ? progress.done(outcomes.size() - duplicates, duplicates, errors)
                : progress.done(0, 0, errors);
    }

    /**
     * The columns by their index in the header row; an error on row 1 for each required header missing and for a
     * header given twice.
     */
    private static Map<Integer, Column> columns(SheetRows.Row header, List<RowError> errors) {
        Map<Integer, Column> columns = new LinkedHashMap<>();
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        if (header != null && header.number() == 1) {
            for (int i = 0; i < header.cells().size(); i++) {
                Column column = Column.ofHeader(header.cells().get(i).text());
                if (column == null) {
                    continue;
                }
                Integer earlier = indexes.putIfAbsent(column, i);
                if (earlier != null) {
                    errors.add(RowError.of(1, column, "the header %s heads columns %s and %s: give each column once"
                            .formatted(column.header(), letters(earlier), letters(i))));
                } else {
                    columns.put(i, column);
                }
            }
        }
        for (Column column : Column.values()) {
            if (column.required() && !indexes.containsKey(column)) {
                errors.add(RowError.of(1, column, "row 1 has no header %s: row 1 holds the headers, and %s is required"
                        .formatted(column.header(), column.header())));
            }
        }
        return columns;
    }

    private static SpreadsheetRow cells(SheetRows.Row row, Map<Integer, Column> columns) {
        Map<Column, SheetCell> cells = new EnumMap<>(Column.class);
        columns.forEach((index, column) -> {
            if (index < row.cells().size()) {
                cells.put(column, row.cells().get(index));
            }
        });
        return new SpreadsheetRow(row.number(), cells);
    }

    /** The row's command; its errors: the cells that could not be read, then the first rule of recordEntry broken. */
    private RecordEntry check(SpreadsheetRow row, String childId, String agencyId, ActingUser user,
                              List<RowError> errors) {
        RowEntry read = RowEntry.of(row, childId, agencyId);
        errors.addAll(read.faults());
        try {
            rights.check(user, read.command());
            checks.check(read.command());
        } catch (RejectedException rejected) {
            RowError error = error(row.rowNumber(), rejected);
            if (read.faults().stream().noneMatch(fault -> Objects.equals(fault.column(), error.column()))) {
                errors.add(error);
            }
        }
        return read.command();
    }

    private static RowError error(int row, RejectedException rejected) {
        return RowError.of(row, Column.ofField(rejected.field()), rejected.getMessage());
    }

    private void audited(ActingUser user, String childId, String agencyId) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("childId", childId);
        arguments.put("agencyId", agencyId);
        try {
            audit.append(new AuditRecord(clock.instant(), user.username(), "denied:importChronology", childId,
                    AuditedField.arguments(arguments))).get(30, TimeUnit.SECONDS);
        } catch (Exception notStored) {
            throw new IllegalStateException("the refusal could not be audited", notStored);
        }
    }

    /** A column's letters as a spreadsheet names it: 0 is A, 26 is AA. */
    private static String letters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            letters.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return letters.toString();
    }

    /** Logs the rows checked every 2 seconds, then that they are being stored, at the end the counts and the time. */
    private static final class Progress {

        private final String childId;
        private final String agencyId;
        private final long started;
        private long lastLogged;

        Progress(String childId, String agencyId) {
            this.childId = childId;
            this.agencyId = agencyId;
            this.started = System.nanoTime();
            this.lastLogged = started;
        }

        void checked(int rows) {
            long now = System.nanoTime();
            if (now - lastLogged >= PROGRESS_EVERY_NANOS) {
                lastLogged = now;
                log.info("Import for child {} from agency {}: {} rows checked", childId, agencyId, rows);
            }
        }

        void storing(int rows) {
            log.info("Import for child {} from agency {}: {} rows checked, recording them (the event store logs"
                    + " every 2 s how many are stored)", childId, agencyId, rows);
        }

        ImportAnswer done(int imported, int duplicates, List<RowError> errors) {
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            log.info("Import for child {} from agency {}: {} imported, {} duplicates, {} errors in {} ms", childId,
                    agencyId, imported, duplicates, errors.size(), tookMillis);
            return new ImportAnswer(imported, duplicates, errors, tookMillis);
        }
    }
}
