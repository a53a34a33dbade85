package org.safeguarding.chronology.query.chronology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryCorrected;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryRecorded;
import org.safeguarding.chronology.api.chronology.EntryRetracted;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordedEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.sharing.InformationShared;
import org.safeguarding.chronology.api.sharing.SharingChannel;

/**
 * The layout of one entry inside an {@code rm_entry_buckets} document, in one place for its writer
 * ({@link ChronologyProjection}) and its reader ({@link RecordedEntries}): the entry's own fields, its versions
 * under {@value #VERSIONS} keyed {@code V<n>}, and the shares naming it under {@value #SHARES}.
 */
final class EntryDocument {

    static final String ENTRIES = "e";
    static final String ID = "id";
    static final String AGENCY = "agencyId";
    static final String SOURCE_REF = "sourceRef";
    static final String PROFESSIONAL = "professional";
    static final String PERSONS = "personIds";
    static final String ESCALATED_TO = "escalatedTo";
    static final String RESPONDS_TO = "respondsTo";
    static final String VERSIONS = "v";
    static final String SHARES = "s";

    private static final String RECORDED_AT = "recordedAt";
    private static final String OCCURRED_AT = "occurredAt";
    private static final String PRECISION = "occurredAtPrecision";
    private static final String KNOWN_AT = "knownAt";
    private static final String KIND = "kind";
    private static final String SUMMARY = "summary";
    private static final String SIGNIFICANCE = "significance";
    private static final String REASON = "reason";
    private static final String RETRACTED = "retracted";
    private static final String CONCERNS = "concerns";
    private static final String THRESHOLD = "thresholdDecision";
    private static final String ACTIONS = "actions";
    private static final String WHAT = "what";
    private static final String OWNER = "ownerAgencyId";
    private static final String DUE_BY = "dueBy";
    private static final String CONTINGENCY = "contingency";
    private static final String SHARING_ID = "sharingId";
    private static final String FROM = "fromAgencyId";
    private static final String TO = "toAgencyId";
    private static final String SHARED_AT = "sharedAt";
    private static final String CHANNEL = "channel";

    private EntryDocument() {
    }

    static String path(long entryNumber) {
        return ENTRIES + ".E" + entryNumber;
    }

    static long number(String key) {
        return Long.parseLong(key.substring(1));
    }

    static String versionKey(int version) {
        return "V" + version;
    }

    static Document version(EntryRecorded event, Instant recordedAt) {
        return version(recordedAt, event.occurredAt(), event.occurredAtPrecision(), event.knownAt(), event.kind(),
                event.summary(), event.significance(), event.concerns(), event.thresholdDecision(), event.actions());
    }

    static Document version(EntryCorrected event, Instant recordedAt) {
        return version(recordedAt, event.occurredAt(), event.occurredAtPrecision(), event.knownAt(), event.kind(),
                event.summary(), event.significance(), event.concerns(), event.thresholdDecision(), event.actions())
                .append(REASON, event.reason());
    }

    static Document version(EntryRetracted event, Instant recordedAt) {
        return new Document(RECORDED_AT, text(recordedAt)).append(REASON, event.reason()).append(RETRACTED, true);
    }

    static Document share(InformationShared event, Instant recordedAt) {
        return new Document(SHARING_ID, event.sharingId())
                .append(FROM, event.fromAgencyId())
                .append(TO, event.toAgencyId())
                .append(SHARED_AT, text(event.sharedAt()))
                .append(CHANNEL, event.channel().name())
                .append(RECORDED_AT, text(recordedAt));
    }

    /** Null while version 1 is not projected yet (a share or correction seen first). */
    static RecordedEntry entry(String childId, long number, Document entry) {
        Document versions = entry.get(VERSIONS, Document.class);
        if (entry.getString(ID) == null || versions == null || !versions.containsKey(versionKey(1))) {
            return null;
        }
        List<RecordedEntry.Version> history = new ArrayList<>();
        versions.forEach((key, value) -> history.add(version(Integer.parseInt(key.substring(1)), (Document) value)));
        history.sort(java.util.Comparator.comparingInt(RecordedEntry.Version::number));
        List<RecordedEntry.Share> shares = new ArrayList<>();
        Document stored = entry.get(SHARES, Document.class);
        if (stored != null) {
            stored.values().forEach(value -> shares.add(share((Document) value)));
        }
        List<String> personIds = entry.getList(PERSONS, String.class);
        return new RecordedEntry(entry.getString(ID), childId, number, entry.getString(AGENCY),
                entry.getString(SOURCE_REF), entry.getString(PROFESSIONAL),
                personIds == null ? List.of() : List.copyOf(personIds), entry.getString(ESCALATED_TO),
                entry.getString(RESPONDS_TO), List.copyOf(history), List.copyOf(shares));
    }

    private static Document version(Instant recordedAt, Instant occurredAt, DatePrecision precision,
                                    Instant knownAt, EntryKind kind, String summary, Significance significance,
                                    List<Concern> concerns, ThresholdDecision threshold, List<PlanAction> actions) {
        Document version = new Document(RECORDED_AT, text(recordedAt))
                .append(OCCURRED_AT, text(occurredAt))
                .append(PRECISION, (precision == null ? DatePrecision.EXACT : precision).name())
                .append(KNOWN_AT, text(knownAt))
                .append(KIND, kind.name())
                .append(SUMMARY, summary)
                .append(SIGNIFICANCE, significance.name());
        if (!concerns.isEmpty()) {
            version.append(CONCERNS, concerns.stream().map(Concern::name).toList());
        }
        if (threshold != null) {
            version.append(THRESHOLD, threshold.name());
        }
        if (!actions.isEmpty()) {
            version.append(ACTIONS, actions.stream().map(EntryDocument::action).toList());
        }
        return version;
    }

    private static Document action(PlanAction action) {
        return new Document(WHAT, action.what())
                .append(OWNER, action.ownerAgencyId())
                .append(DUE_BY, action.dueBy() == null ? null : action.dueBy().toString())
                .append(CONTINGENCY, action.contingency());
    }

    private static RecordedEntry.Version version(int number, Document version) {
        boolean retracted = Boolean.TRUE.equals(version.getBoolean(RETRACTED));
        String precision = version.getString(PRECISION); // absent from read models built before it
        List<String> concerns = version.getList(CONCERNS, String.class);
        String threshold = version.getString(THRESHOLD);
        List<Document> actions = version.getList(ACTIONS, Document.class);
        return new RecordedEntry.Version(number, instant(version, RECORDED_AT), instant(version, OCCURRED_AT),
                retracted ? null : precision == null ? DatePrecision.EXACT : DatePrecision.valueOf(precision),
                instant(version, KNOWN_AT), retracted ? null : EntryKind.valueOf(version.getString(KIND)),
                version.getString(SUMMARY),
                retracted ? null : Significance.valueOf(version.getString(SIGNIFICANCE)),
                version.getString(REASON), retracted,
                concerns == null ? List.of() : concerns.stream().map(Concern::valueOf).toList(),
                threshold == null ? null : ThresholdDecision.valueOf(threshold),
                actions == null ? List.of() : actions.stream().map(EntryDocument::action).toList());
    }

    private static PlanAction action(Document action) {
        String dueBy = action.getString(DUE_BY);
        return new PlanAction(action.getString(WHAT), action.getString(OWNER),
                dueBy == null ? null : LocalDate.parse(dueBy), action.getString(CONTINGENCY));
    }

    private static RecordedEntry.Share share(Document share) {
        return new RecordedEntry.Share(share.getString(SHARING_ID), share.getString(FROM), share.getString(TO),
                instant(share, SHARED_AT), SharingChannel.valueOf(share.getString(CHANNEL)),
                instant(share, RECORDED_AT));
    }

    private static Instant instant(Document document, String key) {
        String value = document.getString(key);
        return value == null ? null : Instant.parse(value);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
