package org.safeguarding.chronology.query.files;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.safeguarding.chronology.api.links.EntryLinkKind;
import org.safeguarding.chronology.api.links.EntryLinkView;

/**
 * The panel's links of the exported record, numbered in the order they were recorded, and the rows of their entries
 * as the view shows them: the documents mark each linked row with its links' numbers and, after the table, show each
 * link's entries together so that both accounts are read side by side. Only linked entries' rows are kept.
 */
final class LinkedGroups {

    /** One link: its entries in the view in the order the link gives them, and how many of them the view leaves out. */
    record Group(int number, EntryLinkView link, List<ExportRow> rows, int notInView) {

        /** "2. Accounts conflict". */
        String heading() {
            return number + ". " + words(link.kind());
        }
    }

    private final List<EntryLinkView> links;
    private final Map<String, List<Integer>> numbersOf = new HashMap<>();
    private final Map<String, ExportRow> rows = new HashMap<>();

    /** links: the child's links recorded by the export's recordedAsOf, by recordedAt. */
    LinkedGroups(List<EntryLinkView> links) {
        this.links = List.copyOf(links);
        for (int i = 0; i < this.links.size(); i++) {
            int number = i + 1;
            this.links.get(i).entryIds().forEach(id -> numbersOf.computeIfAbsent(id, x -> new ArrayList<>()).add(number));
        }
    }

    int count() {
        return links.size();
    }

    /** "1 same occurrence; 3 accounts conflict": the links naming the entry, or null when none does. */
    String of(String entryId) {
        List<Integer> numbers = numbersOf.get(entryId);
        return numbers == null ? null : numbers.stream()
                .map(number -> number + " " + words(links.get(number - 1).kind()).toLowerCase())
                .collect(Collectors.joining("; "));
    }

    /** Keeps the row for the groups if a link names its entry. */
    void keep(ExportRow row) {
        if (numbersOf.containsKey(row.entryId())) {
            rows.put(row.entryId(), row);
        }
    }

    /** The links of which the view shows at least one entry, in their numbers' order. */
    List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            EntryLinkView link = links.get(i);
            List<ExportRow> shown = link.entryIds().stream().map(rows::get).filter(Objects::nonNull).toList();
            if (!shown.isEmpty()) {
                groups.add(new Group(i + 1, link, shown, link.entryIds().size() - shown.size()));
            }
        }
        return groups;
    }

    /** "1 more of its entries is not in this view". */
    static String notInView(Group group) {
        return group.notInView() + (group.notInView() == 1 ? " more of its entries is" : " more of its entries are")
                + " not in this view";
    }

    /** The kind as a panel says it. */
    static String words(EntryLinkKind kind) {
        return switch (kind) {
            case SAME_OCCURRENCE -> "Same occurrence";
            case CONFLICTING_ACCOUNTS -> "Accounts conflict";
        };
    }
}
