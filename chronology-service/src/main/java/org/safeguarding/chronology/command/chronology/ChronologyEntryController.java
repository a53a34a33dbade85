package org.safeguarding.chronology.command.chronology;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.safeguarding.chronology.api.agency.AgencyView;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.PlanAction;
import org.safeguarding.chronology.api.chronology.ReviewerColumns;
import org.safeguarding.chronology.command.agency.AgencyViews;
import org.safeguarding.chronology.command.child.ChildRecord;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of an entry that commands answer (the entries of a review), as query-service defines them. An entry
 * here is shown alone, in no chronology view: it has no previous entry.
 */
@Controller
class ChronologyEntryController {

    private final AgencyViews agencies;

    ChronologyEntryController(AgencyViews agencies) {
        this.agencies = agencies;
    }

    @BatchMapping(typeName = "ChronologyEntry")
    Map<ChronologyEntryView, AgencyView> agency(List<ChronologyEntryView> entries) {
        return agencies.of(entries, ChronologyEntryView::agencyId);
    }

    @BatchMapping(typeName = "ChronologyEntry")
    Map<ChronologyEntryView, AgencyView> escalatedTo(List<ChronologyEntryView> entries) {
        return agencies.of(entries, ChronologyEntryView::escalatedTo);
    }

    @BatchMapping(typeName = "PlanAction", field = "owner")
    Map<PlanAction, AgencyView> owner(List<PlanAction> actions) {
        return agencies.of(actions, PlanAction::ownerAgencyId);
    }

    @BatchMapping(typeName = "AgencyKnowledge", field = "agency")
    Map<ChronologyEntryView.Knowledge, AgencyView> knowledgeAgency(List<ChronologyEntryView.Knowledge> knowledge) {
        return agencies.of(knowledge, ChronologyEntryView.Knowledge::agencyId);
    }

    @SchemaMapping(typeName = "ChronologyEntry")
    String occurredAtText(ChronologyEntryView entry) {
        return ReviewerColumns.occurredAtText(entry.occurredAt(), entry.occurredAtPrecision());
    }

    @SchemaMapping(typeName = "ChronologyEntry")
    String sincePrevious(ChronologyEntryView entry) {
        return null;
    }

    /** From the child's case the answer has already loaded: no further read. */
    @SchemaMapping(typeName = "ChronologyEntry")
    CompletableFuture<String> childAge(ChronologyEntryView entry, DataLoader<String, ChildRecord> records) {
        return records.load(entry.childId()).thenApply(record -> {
            LocalDate dateOfBirth = record == null ? null : record.child().dateOfBirth();
            return dateOfBirth == null ? null
                    : ReviewerColumns.childAge(dateOfBirth, entry.occurredAt(), entry.occurredAtPrecision());
        });
    }
}
