package org.safeguarding.chronology.query.files;

import static org.safeguarding.chronology.api.rejection.RejectedException.badRequest;
import static org.safeguarding.chronology.api.rejection.RejectedException.notFound;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.queryhandling.QueryGateway;
import org.safeguarding.chronology.api.chronology.ChronologyEntryView;
import org.safeguarding.chronology.api.chronology.ChronologyPage;
import org.safeguarding.chronology.api.chronology.FindChronology;
import org.safeguarding.chronology.api.rejection.RejectedException;
import org.safeguarding.chronology.query.access.ChildReads;
import org.safeguarding.chronology.query.access.ChildReads.ExportedChronology;
import org.safeguarding.chronology.query.links.KnownLinks;
import org.safeguarding.chronology.security.ActingUsers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;

/**
 * The merged chronology as a file: every entry of one {@code chronology} view in its order, read a page at a time
 * and written as it comes. The record is pinned at the moment the export is made (or the recordedAsOf asked), so
 * every page is of the same record. The coloured formats first read which agencies recorded the entries of the widest
 * view the user may read (every agency's, or an agency user's own) for the colours and the key, and the panel's links
 * recorded by then, shown with the entries they name.
 */
@Service
public class ChronologyExports {

    static final int PAGE = 500;

    private final ChildReads reads;
    private final QueryGateway queries;
    private final KnownLinks links;
    private final Clock clock;

    public ChronologyExports(ChildReads reads, QueryGateway queries, KnownLinks links) {
        this.reads = reads;
        this.queries = queries;
        this.links = links;
        this.clock = Clock.systemUTC();
    }

    /** Checks and audits the export, then writes it to the response; nothing is written before the audit is stored. */
    void export(ExportAsked asked, HttpServletResponse response) throws IOException {
        AgencyNames agencies = new AgencyNames(queries);
        if (asked.knownBy() != null && !agencies.registered(asked.knownBy())) {
            throw badRequest("knownBy names no registered agency: " + asked.knownBy());
        }
        Instant madeAt = clock.instant();
        Instant asOf = asked.recordedAsOf() == null ? madeAt : asked.recordedAsOf();
        ExportedChronology granted = await(reads.exportChronology(new FindChronology(asked.childId(),
                asked.knownBy(), asked.knownAt(), asOf, PAGE, null), asked.arguments()));
        if (granted.child() == null) {
            throw notFound("childId names no registered child: " + asked.childId());
        }
        ChronologyPage first = await(granted.pageAfter().apply(null));
        AgencyColours colours = AgencyColours.of(asked.format().coloured() ? agenciesOf(granted) : List.of());
        List<String> named = new ArrayList<>(colours.agencies());
        if (granted.view().knownBy() != null) {
            named.add(granted.view().knownBy());
        }
        agencies.learn(named);
        LinkedGroups linked = new LinkedGroups(links.ofChild(asked.childId(), asOf));
        ExportView view = new ExportView(granted.child().displayName(),
                granted.view().knownBy() == null ? null : agencies.name(granted.view().knownBy()),
                asked.knownAt(), asOf, asked.recordedAsOf() != null, madeAt, ActingUsers.current().username(),
                first.totalCount(), colours.agencies().stream()
                        .map(id -> new ExportView.KeyAgency(id, agencies.name(id))).toList(), linked.count());

        response.setContentType(asked.format().mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(asked, asOf)).build().toString());
        OutputStream out = response.getOutputStream();
        LocalDate dateOfBirth = granted.child().dateOfBirth();
        try (ChronologyDocument document = asked.format().open(out, view, colours)) {
            for (ChronologyPage page = first; ; page = await(granted.pageAfter().apply(page.endCursor()))) {
                agencies.learn(page.edges().stream().flatMap(edge -> ExportRow.agencyIds(edge.node())).toList());
                for (ChronologyPage.Edge edge : page.edges()) {
                    ExportRow row = ExportRow.of(edge.node(), dateOfBirth, agencies, linked);
                    linked.keep(row);
                    document.row(row);
                }
                if (!page.hasNextPage()) {
                    break;
                }
            }
            document.linked(linked.groups());
            document.finish();
        }
        out.flush();
    }

    /**
     * The agencies that recorded the entries of the widest view the user may read of this record: every view of the
     * child colours each agency alike, and the key names them all.
     */
    private Set<String> agenciesOf(ExportedChronology granted) {
        Set<String> agencyIds = new LinkedHashSet<>();
        for (ChronologyPage page = await(granted.widestPageAfter().apply(null)); ;
             page = await(granted.widestPageAfter().apply(page.endCursor()))) {
            page.edges().stream().map(ChronologyPage.Edge::node).map(ChronologyEntryView::agencyId)
                    .forEach(agencyIds::add);
            if (!page.hasNextPage()) {
                return agencyIds;
            }
        }
    }

    /** "chronology-child-a-2019-05-01.xlsx": the child's id, the day of the record (Europe/London). */
    static String fileName(ExportAsked asked, Instant asOf) {
        String child = asked.childId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return "chronology-" + (child.isEmpty() ? "child" : child) + "-"
                + LocalDate.ofInstant(asOf, ExportView.LONDON) + "." + asked.format().extension();
    }

    /** The answer; a refusal as itself. */
    private static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException failed) {
            for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RejectedException rejected) {
                    throw rejected;
                }
            }
            throw failed;
        }
    }
}
