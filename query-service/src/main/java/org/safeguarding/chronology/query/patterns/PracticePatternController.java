package org.safeguarding.chronology.query.patterns;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.safeguarding.chronology.api.casestate.CaseStateView.Verification;
import org.safeguarding.chronology.api.patterns.FindPracticePatterns;
import org.safeguarding.chronology.api.patterns.PracticePatternView;
import org.safeguarding.chronology.query.access.ChildReads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Controller;

@Controller
class PracticePatternController {

    private final ChildReads reads;

    PracticePatternController(ChildReads reads) {
        this.reads = reads;
    }

    /** With verify, the literal fold's verdict goes into the response's extensions, and a disagreement is an error. */
    @QueryMapping
    CompletableFuture<DataFetcherResult<List<PracticePatternView>>> practicePatterns(
            @Argument String childId, @Argument Instant at, @Argument Instant recordedAsOf, @Argument Boolean verify,
            DataFetchingEnvironment field) {
        return reads.practicePatterns(field, new FindPracticePatterns(childId, at, recordedAsOf,
                Boolean.TRUE.equals(verify))).thenApply(answer -> {
                    DataFetcherResult.Builder<List<PracticePatternView>> result =
                            DataFetcherResult.<List<PracticePatternView>>newResult().data(answer.patterns());
                    Verification verification = answer.verification();
                    if (verification != null) {
                        result.extensions(Map.of("practicePatternsVerification", Map.of(
                                "agrees", verification.agrees(), "eventsReplayed", verification.eventsReplayed(),
                                "differences", verification.differences())));
                        if (!verification.agrees()) {
                            result.error(GraphqlErrorBuilder.newError(field).errorType(ErrorType.INTERNAL_ERROR)
                                    .message("the literal fold of the child's events disagrees with the read models: "
                                            + String.join("; ", verification.differences()))
                                    .build());
                        }
                    }
                    return result.build();
                });
    }
}
