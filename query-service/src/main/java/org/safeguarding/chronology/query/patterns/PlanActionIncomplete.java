package org.safeguarding.chronology.query.patterns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.patterns.PlanActionPart;

/** Rule 5: an action of a plan or meeting that does not say who does it, by when, or what if not. */
final class PlanActionIncomplete implements PatternRule {

    @Override
    public List<Found> find(SeenAt seen) {
        List<Found> found = new ArrayList<>();
        for (ChronologyEntryView entry : seen.considered()) {
            for (int index = 0; index < entry.actions().size(); index++) {
                List<PlanActionPart> missing = missing(entry.actions().get(index));
                if (missing.isEmpty()) {
                    continue;
                }
                PlanAction action = entry.actions().get(index);
                found.add(new Found(PatternKind.PLAN_ACTION_INCOMPLETE, entry.occurredAt(), List.of(entry.agencyId()),
                        List.of(entry), null, index, missing, words -> "The action \"%s\" of %s recorded by %s has no %s."
                                .formatted(action.what(), Words.entry(entry), words.agency(entry.agencyId()),
                                        parts(missing))));
            }
        }
        return found;
    }

    static List<PlanActionPart> missing(PlanAction action) {
        List<PlanActionPart> missing = new ArrayList<>();
        if (action.ownerAgencyId() == null) {
            missing.add(PlanActionPart.OWNER);
        }
        if (action.dueBy() == null) {
            missing.add(PlanActionPart.DUE_DATE);
        }
        if (action.contingency() == null) {
            missing.add(PlanActionPart.CONTINGENCY);
        }
        return missing;
    }

    private static String parts(List<PlanActionPart> missing) {
        List<String> words = missing.stream().map(part -> switch (part) {
            case OWNER -> "owner";
            case DUE_DATE -> "due date";
            case CONTINGENCY -> "contingency";
        }).toList();
        return words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }
}
