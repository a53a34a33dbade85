package org.safeguarding.chronology.command.files;

import static org.safeguarding.chronology.api.text.TextRules.quoted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.Significance;

/**
 * A row of a chronology file as the recordEntry command it stands for, and the faults of the cells that could not
 * be read as their column's. A cell that could not be read gives the command a stand-in that no rule refuses, so
 * the other cells are still checked: the row is refused for its fault in any case.
 */
record RowEntry(RecordEntry command, List<RowError> faults) {

    static RowEntry of(SpreadsheetRow row, String childId, String agencyId) {
        List<RowError> faults = new ArrayList<>();
        ChronologyDates.When occurred = null;
        Instant known = null;
        EntryKind kind = null;
        Significance significance = Significance.ROUTINE;
        List<Concern> concerns = List.of();
        try {
            occurred = ChronologyDates.occurred(row.cell(Column.OCCURRED));
        } catch (CellFault fault) {
            faults.add(RowError.of(row, Column.OCCURRED, fault));
            occurred = new ChronologyDates.When(Instant.EPOCH, DatePrecision.EXACT);
        }
        try {
            known = ChronologyDates.known(row.cell(Column.KNOWN));
        } catch (CellFault fault) {
            faults.add(RowError.of(row, Column.KNOWN, fault));
        }
        try {
            kind = kind(row.cell(Column.KIND));
        } catch (CellFault fault) {
            faults.add(RowError.of(row, Column.KIND, fault));
            kind = EntryKind.OTHER;
        }
        try {
            significance = significance(row.cell(Column.SIGNIFICANCE));
        } catch (CellFault fault) {
            faults.add(RowError.of(row, Column.SIGNIFICANCE, fault));
        }
        try {
            concerns = concerns(row.cell(Column.CONCERNS));
        } catch (CellFault fault) {
            faults.add(RowError.of(row, Column.CONCERNS, fault));
        }
        Instant occurredAt = occurred == null ? null : occurred.at();
        String professional = row.cell(Column.PROFESSIONAL).text();
        RecordEntry command = new RecordEntry(childId, agencyId, row.cell(Column.SOURCE_REF).text(), kind, occurredAt,
                occurred == null ? null : occurred.precision(), known == null ? occurredAt : known,
                row.cell(Column.SUMMARY).text(), significance, professional.isEmpty() ? null : professional,
                List.of(), concerns, null, List.of(), null, null);
        return new RowEntry(command, List.copyOf(faults));
    }

    /** An EntryKind name, or its words in any case ({@code Home visit}); null when empty. */
    private static EntryKind kind(SheetCell cell) throws CellFault {
        if (cell.text().isEmpty()) {
            return null;
        }
        EntryKind kind = named(EntryKind.class, cell.text());
        if (kind == null) {
            throw new CellFault("Kind %s is no kind of entry: give one of %s, or its words (Home visit)"
                    .formatted(quoted(cell.text()), names(EntryKind.values())));
        }
        return kind;
    }

    private static Significance significance(SheetCell cell) throws CellFault {
        if (cell.text().isEmpty()) {
            return Significance.ROUTINE;
        }
        Significance significance = named(Significance.class, cell.text());
        if (significance == null) {
            throw new CellFault("Significance %s is not one of %s".formatted(quoted(cell.text()),
                    names(Significance.values())));
        }
        return significance;
    }

    /** Concern names (or words) separated by {@code ;}, spaces around them ignored. */
    private static List<Concern> concerns(SheetCell cell) throws CellFault {
        List<Concern> concerns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String item : cell.text().split(";")) {
            if (!item.isBlank()) {
                Concern concern = named(Concern.class, item);
                if (concern == null) {
                    unknown.add(quoted(item.strip()));
                } else {
                    concerns.add(concern);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new CellFault("Concerns %s %s no concern: give concerns separated by ; from %s"
                    .formatted(String.join(", ", unknown), unknown.size() == 1 ? "is" : "are",
                            names(Concern.values())));
        }
        return concerns;
    }

    /** The constant named, in any case, with spaces, hyphens or underscores between its words. */
    private static <E extends Enum<E>> E named(Class<E> type, String text) {
        String name = text.strip().replaceAll("[\\s_\\-]+", "_").toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(name)).findFirst()
                .orElse(null);
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }
}
