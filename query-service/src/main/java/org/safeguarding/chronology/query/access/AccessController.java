package org.safeguarding.chronology.query.access;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.safeguarding.chronology.api.access.ActingUser;
import org.safeguarding.chronology.security.ActingUsers;
import org.safeguarding.chronology.security.UserAccount;
import org.safeguarding.chronology.security.UserAccounts;
import org.safeguarding.chronology.security.audit.AuditPage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AccessController {

    private final UserAccounts users;
    private final ChildReads reads;

    AccessController(UserAccounts users, ChildReads reads) {
        this.users = users;
        this.reads = reads;
    }

    @QueryMapping
    List<ActingUser> users() {
        ActingUsers.admin("list the users");
        return users.all().stream().map(UserAccount::actingUser).toList();
    }

    @QueryMapping
    CompletableFuture<AuditPage> auditTrail(@Argument String childId, @Argument int first, @Argument String after,
                                            DataFetchingEnvironment field) {
        return reads.auditTrail(field, childId, first, after);
    }

    @SchemaMapping(typeName = "AuditConnection")
    PageInfo pageInfo(AuditPage page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }
}
