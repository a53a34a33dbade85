package org.safeguarding.chronology.platform;

import static org.safeguarding.chronology.platform.GraphQlClient.Json.object;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo's rapid review of Child A: commissioned by the admin, chaired by {@link DemoUsers#CHAIR} with
 * {@link DemoUsers#REVIEWER} as a member; two key practice episodes, a finding with its evidence and a
 * recommendation to the police. Fixed ids and content, so loading it again changes nothing.
 */
public final class DemoReview {

    public static final String ID = "rapid-review-child-a";
    /** After the injury of 20 May 2019: due 15 working days later, 17 June (27 May was a bank holiday). */
    public static final String COMMISSIONED_AT = "2019-05-24T09:00:00Z";
    private static final String ANSWER = """
            { id dueBy members { username } keyPracticeEpisodes { id } findings { id }
              recommendations { id status ownerAgency { name } } }""";

    private final GraphQlClient admin;
    private final DemoUsers users;
    private final Map<String, String> entryIds;

    /** entryIds: the demo case's entry ids by key, as {@link DemoCase#load()} answers them. */
    public DemoReview(GraphQlClient admin, DemoUsers users, Map<String, String> entryIds) {
        this.admin = admin;
        this.users = users;
        this.entryIds = entryIds;
    }

    /** What the review holds once loaded. */
    public record Summary(String response) {

        @Override
        public String toString() {
            return """
                    Demo review "%s": a rapid review of Child A chaired by %s, due by %s; %d key practice episodes, \
                    %d finding, %d recommendation (%s)""".formatted(ID, DemoUsers.CHAIR,
                    GraphQlClient.string(response, "dueBy"), count("keyPracticeEpisodes"), count("findings"),
                    count("recommendations"), GraphQlClient.string(response, "status"));
        }

        private int count(String list) {
            String items = response.substring(response.indexOf("\"" + list + "\""));
            return GraphQlClient.strings(items.substring(0, items.indexOf(']')), "id").size();
        }
    }

    public Summary load() {
        mutation(admin, "commissionReview", "CommissionReviewInput", object("id", ID, "type", "RAPID_REVIEW",
                "childIds", List.of(DemoCase.CHILD), "scopeFrom", "2019-01-10", "scopeTo", "2019-05-20",
                "chair", DemoUsers.CHAIR, "commissionedAt", COMMISSIONED_AT));
        GraphQlClient chair = users.as(DemoUsers.CHAIR, admin);
        GraphQlClient reviewer = users.as(DemoUsers.REVIEWER, admin);
        mutation(chair, "addReviewMember", "AddReviewMemberInput", object("reviewId", ID,
                "username", DemoUsers.REVIEWER));
        mutation(reviewer, "markKeyPracticeEpisode", "MarkKeyPracticeEpisodeInput", object("reviewId", ID,
                "id", "kpe-domestic-abuse-no-enquiry",
                "title", "Domestic abuse call-out with a baby of three months: no child protection enquiry",
                "entryIds", entries("police-da", "police-history", "csc-contact"),
                "analysis", "Police attended an assault on Mother by Male Adult 1 with Child A, aged three months,"
                        + " present, and assessed the risk as standard. Children's social care took no further action"
                        + " on the notification: no strategy discussion was held, and nobody asked what the police"
                        + " knew of Male Adult 1, whose caution for assault on a previous partner was on record."));
        mutation(reviewer, "markKeyPracticeEpisode", "MarkKeyPracticeEpisodeInput", object("reviewId", ID,
                "id", "kpe-out-of-hours-report",
                "title", "Bruising in a baby not yet mobile: the out-of-hours report reached the practice two weeks later",
                "entryIds", entries("gp-ooh"),
                "analysis", "A bruise behind the ear of a baby of seven weeks was seen out of hours on 4 March and"
                        + " Mother's explanation accepted. The report reached the GP practice on 18 March; nobody"
                        + " followed the bruising protocol for babies not yet mobile or told the health visitor."));
        mutation(chair, "recordFinding", "RecordFindingInput", object("reviewId", ID,
                "id", "finding-police-information-not-shared",
                "text", "What the police knew about Male Adult 1 did not reach the professionals seeing Child A: the"
                        + " call-out reached the health visitor by telephone only, never in writing, and his history"
                        + " of violence to a previous partner was not shared at all.",
                "evidenceEntryIds", entries("police-da", "police-history", "hv-visit")));
        return new Summary(mutation(chair, "recordRecommendation", "RecordRecommendationInput", object(
                "reviewId", ID, "id", "rec-police-confirm-in-writing",
                "text", "Police confirm in writing, within one working day, every domestic abuse notification given"
                        + " to health services by telephone, with what is known of the adults in the household.",
                "findingIds", List.of("finding-police-information-not-shared"), "ownerAgencyId", "police",
                "dueBy", "2019-09-30")));
    }

    private List<String> entries(String... keys) {
        return Stream.of(keys).map(entryIds::get).toList();
    }

    private static String mutation(GraphQlClient as, String field, String inputType, GraphQlClient.Json.Raw input) {
        return as.postOk("mutation($input: " + inputType + "!) { " + field + "(input: $input) " + ANSWER + " }",
                object("input", input));
    }
}
