package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Version;

/** An entry as the record stood at an instant R: the contract's rules 1, 2 and 7. */
public final class EntryAsOf {

    /** Of two shares to the same agency, the one it learnt from: earliest sharedAt, then recordedAt, then id. */
    public static final Comparator<RecordedEntry.Share> FIRST_LEARNT = Comparator.comparing(RecordedEntry.Share::sharedAt)
            .thenComparing(RecordedEntry.Share::recordedAt)
            .thenComparing(share -> share.sharingId().length())
            .thenComparing(RecordedEntry.Share::sharingId);

    public static final Comparator<Knowledge> BY_SINCE = Comparator.comparing(Knowledge::since)
            .thenComparing(Knowledge::agencyId);

    private EntryAsOf() {
    }

    /**
     * The entry with every version and share recorded at or before R, its knowledge unfiltered; null when
     * it was first recorded after R. A retracted entry is shown with the retraction as its version.
     */
    public static ChronologyEntryView at(RecordedEntry entry, Instant recordedAsOf) {
        return at(entry, recordedAsOf, recordedAsOf);
    }

    /**
     * As {@link #at(RecordedEntry, Instant)} at {@code now} when the query asked for no R (recordedAsOf null), the
     * view carrying R as asked.
     */
    public static ChronologyEntryView at(RecordedEntry entry, Instant recordedAsOf, Instant now) {
        Instant at = recordedAsOf == null ? now : recordedAsOf;
        List<Version> history = new ArrayList<>();
        for (RecordedEntry.Version stored : entry.versions()) {
            if (stored.recordedAt().isAfter(at)) {
                continue;
            }
            if (!stored.retracted()) {
                history.add(new Version(stored.number(), stored.recordedAt(), stored.occurredAt(),
                        stored.occurredAtPrecision(), stored.knownAt(), stored.kind(), stored.summary(),
                        stored.significance(), stored.reason(), false, stored.concerns(), stored.thresholdDecision(),
                        stored.actions()));
            } else if (!history.isEmpty()) {
                Version withdrawn = history.get(history.size() - 1);
                history.add(new Version(stored.number(), stored.recordedAt(), withdrawn.occurredAt(),
                        withdrawn.occurredAtPrecision(), withdrawn.knownAt(), withdrawn.kind(), withdrawn.summary(),
                        withdrawn.significance(), stored.reason(), true, withdrawn.concerns(),
                        withdrawn.thresholdDecision(), withdrawn.actions()));
            }
        }
        if (history.isEmpty()) {
            return null;
        }
        Version shown = history.get(history.size() - 1);
        return new ChronologyEntryView(entry.id(), entry.childId(), entry.agencyId(), entry.sourceRef(),
                shown.kind(), shown.occurredAt(), shown.occurredAtPrecision(), shown.knownAt(), shown.recordedAt(),
                shown.summary(), shown.significance(), entry.professional(), entry.personIds(), shown.version(),
                knowledge(entry, shown, at), List.copyOf(history), null, shown.concerns(),
                shown.thresholdDecision(), shown.actions(), entry.escalatedTo(), entry.respondsTo(), recordedAsOf);
    }

    public static boolean retracted(ChronologyEntryView view) {
        return view.history().get(view.history().size() - 1).retracted();
    }

    private static List<Knowledge> knowledge(RecordedEntry entry, Version shown, Instant recordedAsOf) {
        Map<String, RecordedEntry.Share> firstShares = new HashMap<>();
        for (RecordedEntry.Share share : entry.shares()) {
            if (!share.recordedAt().isAfter(recordedAsOf) && !share.toAgencyId().equals(entry.agencyId())) {
                firstShares.merge(share.toAgencyId(), share,
                        (one, other) -> FIRST_LEARNT.compare(one, other) <= 0 ? one : other);
            }
        }
        List<Knowledge> knowledge = new ArrayList<>();
        knowledge.add(new Knowledge(entry.agencyId(), shown.knownAt(), KnowledgeSource.OWN_RECORD, null));
        firstShares.values().forEach(share ->
                knowledge.add(new Knowledge(share.toAgencyId(), share.sharedAt(), KnowledgeSource.SHARED,
                        share.channel())));
        knowledge.sort(BY_SINCE);
        return List.copyOf(knowledge);
    }
}
