package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Version;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.KnowledgeSource;
import org.safeguarding.chronology.api.sharing.InformationShared;

/**
 * The contract's chronology rules read literally over the raw event stream, with no read model: the
 * reference the projection and its queries are compared with. Written apart from the production code on
 * purpose; keep it that way. Ties of two shares to one agency at the same sharedAt: the one recorded first.
 */
public final class LiteralChronology {

    private final List<Story.Event> stream;
    private final Instant now;

    /** The events in stream order, each once; a recordedAsOf left out (null) is now. */
    public LiteralChronology(List<Story.Event> stream, Instant now) {
        this.stream = stream;
        this.now = now;
    }

    /** Rules 1 to 5: every matching entry, in order (paging is the caller's). */
    public List<ChronologyEntryView> chronology(String childId, String knownBy, Instant knownAt,
                                                Instant recordedAsOf) {
        return chronology(childId, knownBy, knownAt, recordedAsOf, null);
    }

    /**
     * Rules 1 to 5 over the entries naming personId (all when null), in order (paging is the caller's); each
     * with the occurredAt of the one before it, and the recordedAsOf asked.
     */
    public List<ChronologyEntryView> chronology(String childId, String knownBy, Instant knownAt, Instant recordedAsOf,
                                         String personId) {
        List<ChronologyEntryView> result = new ArrayList<>();
        for (Story.Event event : stream) {
            if (!(event.payload() instanceof EntryRecorded recorded) || !recorded.childId().equals(childId)
                    || (personId != null && !recorded.personIds().contains(personId))) {
                continue;
            }
            ChronologyEntryView entry = entry(recorded.entryId(), recordedAsOf);
            // rule 1: first recorded after R, or retracted at or before R
            if (entry == null || entry.history().get(entry.history().size() - 1).retracted()) {
                continue;
            }
            // rule 3
            boolean keep;
            if (knownBy != null) {
                Knowledge theirs = entry.knownTo().stream().filter(k -> k.agencyId().equals(knownBy)).findFirst()
                        .orElse(null);
                keep = theirs != null && (knownAt == null || !theirs.since().isAfter(knownAt));
            } else if (knownAt != null) {
                Instant least = entry.knownTo().stream().map(Knowledge::since).min(Comparator.naturalOrder()).get();
                keep = !least.isAfter(knownAt);
            } else {
                keep = true;
            }
            if (!keep) {
                continue;
            }
            // rule 4
            List<Knowledge> knownTo = new ArrayList<>();
            for (Knowledge k : entry.knownTo()) {
                if (knownAt == null || !k.since().isAfter(knownAt)) {
                    knownTo.add(k);
                }
            }
            result.add(new ChronologyEntryView(entry.id(), entry.childId(), entry.agencyId(),
                    entry.sourceRef(), entry.kind(), entry.occurredAt(), entry.occurredAtPrecision(), entry.knownAt(),
                    entry.recordedAt(), entry.summary(), entry.significance(), entry.professional(),
                    entry.personIds(), entry.version(), knownTo, entry.history(), null, entry.concerns(),
                    entry.thresholdDecision(), entry.actions(), entry.escalatedTo(), entry.respondsTo(),
                    recordedAsOf));
        }
        // rule 5
        result.sort((a, b) -> {
            if (!a.occurredAt().equals(b.occurredAt())) {
                return a.occurredAt().compareTo(b.occurredAt());
            }
            if (!a.knownAt().equals(b.knownAt())) {
                return a.knownAt().compareTo(b.knownAt());
            }
            return a.id().compareTo(b.id());
        });
        List<ChronologyEntryView> withPrevious = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            ChronologyEntryView e = result.get(i);
            withPrevious.add(new ChronologyEntryView(e.id(), e.childId(), e.agencyId(), e.sourceRef(), e.kind(),
                    e.occurredAt(), e.occurredAtPrecision(), e.knownAt(), e.recordedAt(), e.summary(),
                    e.significance(), e.professional(), e.personIds(), e.version(), e.knownTo(), e.history(),
                    i == 0 ? null : result.get(i - 1).occurredAt(), e.concerns(), e.thresholdDecision(),
                    e.actions(), e.escalatedTo(), e.respondsTo(), e.recordedAsOf()));
        }
        return withPrevious;
    }

    /** The entry as the record stood at R (rules 1, 2, 7), retracted or not; null if not recorded by R. */
    public ChronologyEntryView entry(String entryId, Instant recordedAsOf) {
        Instant at = recordedAsOf == null ? now : recordedAsOf;
        List<Story.Event> counted = new ArrayList<>();
        for (Story.Event event : stream) {
            if (!event.recordedAt().isAfter(at)) {
                counted.add(event);
            }
        }
        EntryRecorded original = null;
        List<Version> history = new ArrayList<>();
        for (Story.Event event : counted) {
            Object payload = event.payload();
            if (payload instanceof EntryRecorded e && e.entryId().equals(entryId)) {
                original = e;
                history.add(new Version(1, event.recordedAt(), e.occurredAt(), e.occurredAtPrecision(), e.knownAt(),
                        e.kind(), e.summary(), e.significance(), null, false, e.concerns(), e.thresholdDecision(),
                        e.actions()));
            } else if (payload instanceof EntryCorrected e && e.entryId().equals(entryId)) {
                history.add(new Version(e.version(), event.recordedAt(), e.occurredAt(), e.occurredAtPrecision(),
                        e.knownAt(), e.kind(), e.summary(), e.significance(), e.reason(), false, e.concerns(),
                        e.thresholdDecision(), e.actions()));
            } else if (payload instanceof EntryRetracted e && e.entryId().equals(entryId)) {
                Version previous = history.get(history.size() - 1);
                history.add(new Version(e.version(), event.recordedAt(), previous.occurredAt(),
                        previous.occurredAtPrecision(), previous.knownAt(), previous.kind(), previous.summary(),
                        previous.significance(), e.reason(), true, previous.concerns(),
                        previous.thresholdDecision(), previous.actions()));
            }
        }
        if (original == null) {
            return null;
        }
        history.sort(Comparator.comparingInt(Version::version));
        Version latest = history.get(history.size() - 1);

        // rule 2
        List<Knowledge> knowledge = new ArrayList<>();
        knowledge.add(new Knowledge(original.agencyId(), latest.knownAt(), KnowledgeSource.OWN_RECORD, null));
        Set<String> recipients = new LinkedHashSet<>();
        for (Story.Event event : counted) {
            if (event.payload() instanceof InformationShared s && s.entryIds().contains(entryId)
                    && !s.toAgencyId().equals(original.agencyId())) {
                recipients.add(s.toAgencyId());
            }
        }
        for (String agency : recipients) {
            InformationShared earliest = null;
            for (Story.Event event : counted) { // stream order: on a tie of sharedAt the one recorded first stays
                if (event.payload() instanceof InformationShared s && s.entryIds().contains(entryId)
                        && s.toAgencyId().equals(agency)
                        && (earliest == null || s.sharedAt().isBefore(earliest.sharedAt()))) {
                    earliest = s;
                }
            }
            knowledge.add(new Knowledge(agency, earliest.sharedAt(), KnowledgeSource.SHARED, earliest.channel()));
        }
        knowledge.sort((a, b) -> a.since().equals(b.since()) ? a.agencyId().compareTo(b.agencyId())
                : a.since().compareTo(b.since()));

        return new ChronologyEntryView(entryId, original.childId(), original.agencyId(), original.sourceRef(),
                latest.kind(), latest.occurredAt(), latest.occurredAtPrecision(), latest.knownAt(), latest.recordedAt(),
                latest.summary(), latest.significance(), original.professional(), original.personIds(),
                latest.version(), knowledge, history, null, latest.concerns(), latest.thresholdDecision(),
                latest.actions(), original.escalatedTo(), original.respondsTo(), recordedAsOf);
    }
}
