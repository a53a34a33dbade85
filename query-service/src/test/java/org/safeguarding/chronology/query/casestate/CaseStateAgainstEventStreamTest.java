package org.safeguarding.chronology.query.casestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.chronology.query.chronology.RandomStories.nudge;
import static org.safeguarding.chronology.query.chronology.RandomStories.pick;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.safeguarding.chronology.api.casestate.AgencyInvolvementView;
import org.safeguarding.chronology.api.casestate.CaseStateView;
import org.safeguarding.chronology.api.casestate.FindCaseState;
import org.safeguarding.chronology.api.casestate.FindInvolvement;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.query.chronology.RandomStories;
import org.safeguarding.chronology.query.chronology.Story;

/**
 * Random histories (seeded) fed to the projections, with redelivered events, and caseState and involvement from
 * the read models compared with the literal replay of the same events, at random instants T and R, with and
 * without knownBy. Rerun one history with -Dcasestate.seed=N -Dcasestate.histories=1.
 */
class CaseStateAgainstEventStreamTest {

    private static final long FIRST_SEED = Long.getLong("casestate.seed", 20_070_314L);
    private static final int HISTORIES = Integer.getInteger("casestate.histories", 250);
    private static final List<String> PERSONS = List.of("person-1", "person-2", "person-3", "person-4", "person-5");
    /** Weighted towards the kinds the case state reads. */
    private static final List<EntryKind> KINDS = List.of(EntryKind.INVOLVEMENT_STARTED, EntryKind.INVOLVEMENT_STARTED,
            EntryKind.INVOLVEMENT_STARTED, EntryKind.INVOLVEMENT_ENDED, EntryKind.INVOLVEMENT_ENDED,
            EntryKind.CHILD_PROTECTION_PLAN_STARTED, EntryKind.CHILD_PROTECTION_PLAN_ENDED, EntryKind.CHILD_SEEN,
            EntryKind.CHILD_SEEN, EntryKind.HOME_VISIT, EntryKind.CONTACT, EntryKind.REFERRAL);
    /**
     * Person records but no persons named on entries; professionals drawn from a few (so that they recur);
     * corrections of the case times and kind only.
     */
    private static final RandomStories STORIES = new RandomStories(12).operations(10, 50).kinds(KINDS)
            .professionals(5).recording(45).knowing(PERSONS, 15).correcting(12, false).retracting(6);

    private final CaseStateFixture readModels = new CaseStateFixture(null);
    /** How often each part of the answer was not trivially empty: the histories must reach every rule. */
    private final Map<String, Integer> reached = new TreeMap<>();

    @Test
    void caseStateAndInvolvementAgreeWithTheLiteralReplay() {
        RandomStories.forEachHistory("casestate", FIRST_SEED, HISTORIES, this::check);
        if (HISTORIES >= 100) {
            assertThat(reached).as("answers reaching each rule").hasSize(8).allSatisfy((part, count) ->
                    assertThat(count).as(part).isGreaterThan(HISTORIES / 10));
        }
    }

    private void count(CaseStateView state, List<AgencyInvolvementView> involvement) {
        Map<String, Boolean> parts = new TreeMap<>();
        if (state != null) {
            parts.put("entries", state.entryCount() > 0);
            parts.put("involvedAgencies", !state.involvedAgencies().isEmpty());
            parts.put("professionals", state.involvedAgencies().stream()
                    .anyMatch(open -> !open.professionals().isEmpty()));
            parts.put("onChildProtectionPlan", state.onChildProtectionPlan());
            parts.put("lastSeen", state.lastSeen() != null);
            parts.put("household", !state.household().isEmpty());
            parts.put("unseenBy", !state.unseenBy().isEmpty());
        } else {
            parts.put("closedEpisodes", involvement.stream().flatMap(agency -> agency.episodes().stream())
                    .anyMatch(episode -> episode.to() != null));
        }
        parts.forEach((part, reachedIt) -> {
            if (reachedIt) {
                reached.merge(part, 1, Integer::sum);
            }
        });
    }

    private void check(long seed) {
        Random random = new Random(seed);
        List<String> agencies = RandomStories.someAgencies(random, 2, 5);
        List<String> children = RandomStories.children(seed, 2);
        List<Story.Event> events = STORIES.history(random, agencies, children).events;
        RandomStories.deliver(random, events, 0, events.size(), readModels::project);

        List<Instant> recordedAts = RandomStories.recordedAts(events);
        List<Instant> caseTimes = RandomStories.caseTimes(events);
        for (String child : children) {
            List<LiteralReplay.Recorded> stream = CaseStateFixture.recorded(events.stream()
                    .filter(event -> event.childId().equals(child)).toList());
            for (int query = 0; query < 8; query++) {
                Instant at = nudge(random, pick(random, caseTimes));
                String knownBy = random.nextInt(3) == 0 ? null : pick(random, agencies);
                Instant recordedAsOf = random.nextInt(4) == 0 ? null : nudge(random, pick(random, recordedAts));
                CaseStateView expected = LiteralReplay.caseState(stream, at, knownBy,
                        recordedAsOf == null ? CaseStateFixture.NOW : recordedAsOf).caseState();
                count(expected, null);
                assertThat(readModels.caseStates.handle(new FindCaseState(child, at, knownBy, recordedAsOf, false)))
                        .as("caseState(" + child + ", at " + at + ", knownBy " + knownBy + ", recordedAsOf "
                                + recordedAsOf + ")")
                        .isEqualTo(expected);
            }
            for (int query = 0; query < 3; query++) {
                Instant recordedAsOf = query == 0 ? null : nudge(random, pick(random, recordedAts));
                List<AgencyInvolvementView> expected = LiteralReplay.involvement(stream,
                        recordedAsOf == null ? CaseStateFixture.NOW : recordedAsOf);
                count(null, expected);
                assertThat(readModels.involvement.handle(new FindInvolvement(child, recordedAsOf)))
                        .as("involvement(" + child + ", recordedAsOf " + recordedAsOf + ")")
                        .isEqualTo(expected);
            }
        }
    }
}
