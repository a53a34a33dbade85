package org.safeguarding.chronology.command.chronology;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.safeguarding.chronology.api.child.ChildIds;
import org.safeguarding.chronology.api.chronology.Concern;
import org.safeguarding.chronology.api.chronology.CorrectEntry;
import org.safeguarding.chronology.api.chronology.DatePrecision;
import org.safeguarding.chronology.api.chronology.EntryKind;
import org.safeguarding.chronology.api.chronology.EntryReceipt;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.RecordEntry;
import org.safeguarding.chronology.api.chronology.RetractEntry;
import org.safeguarding.chronology.api.chronology.Significance;
import org.safeguarding.chronology.api.chronology.ThresholdDecision;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.command.CommandChecks;
import org.safeguarding.chronology.command.access.CommandRights;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.security.ActingUsers;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.safeguarding.chronology.command.graphql.MissingChildResolver;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
public class EntryController {

    /** The most items one recordEntries call may carry. */
    public static final int MAX_BATCH = 1_000;
    /** Children whose items are applied at the same time, per service instance. */
    private static final int CONCURRENT_CHILDREN = 8;

    private final CommandGateway commands;
    private final CommandChecks checks;
    /** Each child's items go on with the request's acting user. */
    private final ExecutorService perChild = new DelegatingSecurityContextExecutorService(
            Executors.newFixedThreadPool(CONCURRENT_CHILDREN, task -> {
                Thread thread = new Thread(task, "record-entries");
                thread.setDaemon(true);
                return thread;
            }));

    private final CommandRights rights;

    public EntryController(CommandGateway commands, CommandChecks checks, CommandRights rights) {
        this.commands = commands;
        this.checks = checks;
        this.rights = rights;
    }

    @PreDestroy
    void stop() {
        perChild.shutdownNow();
    }

    @MutationMapping
    public EntryReceipt recordEntry(@Argument RecordEntryInput input) {
        return commands.sendAndWait(command(input));
    }

    /**
     * Each item as recordEntry would answer it, in input order. Items that fail CommandChecks (the same checks the
     * interceptor makes for recordEntry) are answered at once; the rest are grouped per child, and each child's items
     * go as one RecordEntries command (one aggregate load, one commit, input order kept). Children run concurrently.
     */
    @MutationMapping
    public List<EntryResult> recordEntries(@Argument List<RecordEntryInput> input) {
        if (input.size() > MAX_BATCH) {
            throw RejectedException.badRequest("input must have at most %d items, not %d"
                    .formatted(MAX_BATCH, input.size()));
        }
        EntryResult[] results = new EntryResult[input.size()];
        Map<String, List<Integer>> itemsByChild = new LinkedHashMap<>();
        List<RecordEntry> items = new ArrayList<>(input.size());
        ActingUser user = ActingUsers.current();
        for (int index = 0; index < input.size(); index++) {
            RecordEntry command = command(input.get(index));
            items.add(command);
            try {
                rights.check(user, command);
                checks.check(command);
                itemsByChild.computeIfAbsent(command.childId(), child -> new ArrayList<>()).add(index);
            } catch (RejectedException rejected) {
                results[index] = EntryResult.of(index, rejected);
            }
        }
        List<CompletableFuture<Void>> children = new ArrayList<>(itemsByChild.size());
        itemsByChild.forEach((childId, indexes) -> children.add(CompletableFuture.runAsync(() -> {
            List<RecordEntry> commandsOfChild = indexes.stream().map(items::get).toList();
            try {
                List<RecordEntries.Outcome> outcomes =
                        commands.sendAndWait(new RecordEntries(childId, commandsOfChild));
                for (int i = 0; i < indexes.size(); i++) {
                    int index = indexes.get(i);
                    RecordEntries.Outcome outcome = outcomes.get(i);
                    results[index] = outcome.receipt() != null
                            ? new EntryResult(index, outcome.receipt(), null)
                            : EntryResult.of(index, outcome.rejection());
                }
            } catch (RuntimeException failure) {
                AggregateNotFoundException missing = missingAggregate(failure);
                if (missing == null) {
                    throw failure;
                }
                RejectedException notFound = RejectedException.notFound(MissingChildResolver.message(missing));
                indexes.forEach(index -> results[index] = EntryResult.of(index, notFound));
            }
        }, perChild)));
        try {
            CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        return List.of(results);
    }

    private static RecordEntry command(RecordEntryInput input) {
        return new RecordEntry(input.childId(), input.agencyId(), input.sourceRef(), input.kind(),
                input.occurredAt(), input.occurredAtPrecision(), input.knownAt(), input.summary(),
                input.significance(), input.professional(), input.personIds(), input.concerns(),
                input.thresholdDecision(), PlanActionInput.actions(input.actions()), input.escalatedTo(),
                input.respondsTo());
    }

    private static AggregateNotFoundException missingAggregate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateNotFoundException missing) {
                return missing;
            }
        }
        return null;
    }

    @MutationMapping
    public EntryReceipt correctEntry(@Argument CorrectEntryInput input) {
        return sendForEntry(input.entryId(), new CorrectEntry(ChildIds.childOfEntry(input.entryId()),
                input.entryId(), input.agencyId(), input.occurredAt(), input.occurredAtPrecision(), input.knownAt(),
                input.kind(), input.summary(), input.significance(), input.reason(), input.concerns(),
                input.thresholdDecision(), PlanActionInput.actions(input.actions())));
    }

    @MutationMapping
    public EntryReceipt retractEntry(@Argument RetractEntryInput input) {
        return sendForEntry(input.entryId(), new RetractEntry(ChildIds.childOfEntry(input.entryId()),
                input.entryId(), input.agencyId(), input.reason()));
    }

    /** The child comes from the entry id, so a missing child means a missing entry. */
    private EntryReceipt sendForEntry(String entryId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw RejectedException.notFound("entry " + entryId + " does not exist");
        }
    }

    public record RecordEntryInput(String childId, String agencyId, String sourceRef, EntryKind kind,
                                   Instant occurredAt, DatePrecision occurredAtPrecision, Instant knownAt,
                                   String summary, Significance significance, String professional,
                                   List<String> personIds, List<Concern> concerns,
                                   ThresholdDecision thresholdDecision, List<PlanActionInput> actions,
                                   String escalatedTo, String respondsTo) {
    }

    public record CorrectEntryInput(String entryId, String agencyId, Instant occurredAt,
                                    DatePrecision occurredAtPrecision, Instant knownAt, EntryKind kind,
                                    String summary, Significance significance, String reason,
                                    List<Concern> concerns, ThresholdDecision thresholdDecision,
                                    List<PlanActionInput> actions) {
    }

    public record PlanActionInput(String what, String ownerAgencyId, LocalDate dueBy, String contingency) {

        /** The actions as the commands take them; null (left out) stays null. */
        static List<PlanAction> actions(List<PlanActionInput> inputs) {
            return inputs == null ? null : inputs.stream()
                    .map(input -> new PlanAction(input.what(), input.ownerAgencyId(), input.dueBy(),
                            input.contingency()))
                    .toList();
        }
    }

    public record RetractEntryInput(String entryId, String agencyId, String reason) {
    }

    /** One item of recordEntries: its receipt or its error. */
    public record EntryResult(int index, EntryReceipt receipt, CommandError error) {

        static EntryResult of(int index, RejectedException rejected) {
            return new EntryResult(index, null, new CommandError(rejected.rejection().name(), rejected.getMessage()));
        }
    }

    /** Why an item was refused: classification as in a GraphQL error's extensions, and the same message. */
    public record CommandError(String classification, String message) {
    }
}
