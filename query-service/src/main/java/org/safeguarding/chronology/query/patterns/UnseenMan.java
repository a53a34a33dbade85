package org.safeguarding.chronology.query.patterns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.safeguarding.chronology.api.casestate.CaseStateView.OpenInvolvement;
import org.safeguarding.chronology.api.casestate.CaseStateView.PersonKnowledge;
import org.safeguarding.chronology.api.casestate.CaseStateView.UnseenPerson;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView.Knowledge;
import org.safeguarding.chronology.api.patterns.PatternKind;
import org.safeguarding.chronology.api.person.PersonRole;

/** Rule 3: a person in the child's life (not a sibling) whom an involved agency does not know. */
final class UnseenMan implements PatternRule {

    @Override
    public List<Found> find(SeenAt seen) {
        Map<String, PersonKnowledge> household = seen.caseState().household().stream()
                .collect(Collectors.toMap(PersonKnowledge::personId, Function.identity()));
        Map<String, Instant> involvedSince = seen.caseState().involvedAgencies().stream()
                .collect(Collectors.toMap(OpenInvolvement::agencyId, OpenInvolvement::since));
        List<Found> found = new ArrayList<>();
        for (UnseenPerson unseen : seen.caseState().unseenBy()) {
            PersonKnowledge person = household.get(unseen.personId());
            if (person.role() == PersonRole.SIBLING) {
                continue;
            }
            Instant firstKnown = person.knownTo().stream().map(Knowledge::since).min(Instant::compareTo).orElseThrow();
            Instant firstInvolved = unseen.unknownTo().stream().map(involvedSince::get).min(Instant::compareTo)
                    .orElseThrow();
            Instant since = firstKnown.isAfter(firstInvolved) ? firstKnown : firstInvolved;
            found.add(new Found(PatternKind.UNSEEN_MAN, since, unseen.unknownTo(), List.of(), unseen.personId(), null,
                    List.of(), words -> "%s, %s, was known to %s from %s but not to %s, involved with %s."
                            .formatted(capitalised(role(person.role())), unseen.personId(),
                                    words.agencies(unseen.knownTo()), Words.date(firstKnown),
                                    words.agencies(unseen.unknownTo()), words.child())));
        }
        return found;
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String role(PersonRole role) {
        return switch (role) {
            case PARENTS_PARTNER -> "a parent's partner";
            case LODGER_OR_VISITOR -> "a lodger or visitor";
            case STEP_PARENT -> "a step-parent";
            case OTHER_RELATIVE -> "a relative";
            case OTHER -> "a person in the child's life";
            default -> "the child's " + role.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
