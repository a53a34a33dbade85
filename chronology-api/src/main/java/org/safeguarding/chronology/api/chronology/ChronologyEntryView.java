package org.safeguarding.chronology.api.chronology;

import java.time.Instant;
import java.util.List;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/**
 * previousOccurredAt: the occurredAt of the entry before this one in the same chronology view (null for the
 * first, and for a single entry asked for by id). recordedAsOf: the instant R of the record this view shows, as the
 * query asked for it (null: the record as it stands); what is shown beside the entry (its links) is as of R too.
 */
public record ChronologyEntryView(String id, String childId, String agencyId, String sourceRef, EntryKind kind,
                                  Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt,
                                  Instant recordedAt, String summary, Significance significance,
                                  String professional, List<String> personIds, int version,
                                  List<Knowledge> knownTo, List<Version> history, Instant previousOccurredAt,
                                  List<Concern> concerns, ThresholdDecision thresholdDecision,
                                  List<PlanAction> actions, String escalatedTo, String respondsTo,
                                  Instant recordedAsOf) {

    /**
     * From the id and version alone: GraphQL batch loading hashes every view of a page, and hashing the whole
     * history and knowledge was a measurable part of a page's cost. Equal views still hash alike.
     */
    @Override
    public int hashCode() {
        return 31 * id.hashCode() + version;
    }

    /** What one agency knew of the entry, since when and how. */
    public record Knowledge(String agencyId, Instant since, KnowledgeSource how, SharingChannel channel) {
    }

    public record Version(int version, Instant recordedAt, Instant occurredAt, DatePrecision occurredAtPrecision,
                          Instant knownAt, EntryKind kind, String summary, Significance significance, String reason,
                          boolean retracted, List<Concern> concerns, ThresholdDecision thresholdDecision,
                          List<PlanAction> actions) {
    }

    /** The same entry, its fields as they are, marked as shown by a view asked as of another recordedAsOf. */
    public ChronologyEntryView asOf(Instant otherRecordedAsOf) {
        return new ChronologyEntryView(id, childId, agencyId, sourceRef, kind, occurredAt, occurredAtPrecision,
                knownAt, recordedAt, summary, significance, professional, personIds, version, knownTo, history,
                previousOccurredAt, concerns, thresholdDecision, actions, escalatedTo, respondsTo, otherRecordedAsOf);
    }

    /** The same entry with another knowledge and previous entry, as a view of a chronology shows it. */
    public ChronologyEntryView with(List<Knowledge> knownTo, Instant previousOccurredAt) {
        return new ChronologyEntryView(id, childId, agencyId, sourceRef, kind, occurredAt, occurredAtPrecision,
                knownAt, recordedAt, summary, significance, professional, personIds, version, knownTo, history,
                previousOccurredAt, concerns, thresholdDecision, actions, escalatedTo, respondsTo, recordedAsOf);
    }
}
