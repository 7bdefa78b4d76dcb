package org.partnershipgraph.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path;
import org.neo4j.driver.types.Relationship;
import org.partnershipgraph.action.Action;
import org.partnershipgraph.board.Board;
import org.partnershipgraph.graphql.Connection;
import org.partnershipgraph.graphql.EntityTypes;
import org.partnershipgraph.graphql.Identified;
import org.partnershipgraph.graphql.ListOrder;
import org.partnershipgraph.graphql.NotFoundException;
import org.partnershipgraph.graphql.PageRequest;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Accountability reads; each method is one Cypher statement. */
@Component
@Transactional(readOnly = true)
class AccountabilityQueries {

    private final Neo4jClient neo4j;
    private final EntityTypes types;

    AccountabilityQueries(Neo4jClient neo4j, EntityTypes types) {
        this.neo4j = neo4j;
        this.types = types;
    }

    Optional<AccountabilityChain> chain(String actionId) {
        return neo4j.query(AccountabilityCypher.CHAIN).bindAll(Map.of("id", actionId)).fetchAs(Record.class)
                .mappedBy((t, r) -> r).one().map(this::chain);
    }

    Connection<Action> commitments(String holderId, boolean transitive, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("holderId", holderId);
        params.put("transitive", transitive);
        return page(AccountabilityCypher.COMMITMENTS, params, page)
                .orElseThrow(() -> new NotFoundException("No person, post, organisation or board has id " + holderId));
    }

    Connection<Action> unowned(PageRequest page) {
        return page(AccountabilityCypher.UNOWNED, Map.of(), page).orElseThrow();
    }

    Connection<Action> overdue(LocalDate asOf, PageRequest page) {
        return page(AccountabilityCypher.OVERDUE, Map.of("asOf", asOf), page).orElseThrow();
    }

    /** One page of a query shaped as {@link org.partnershipgraph.graphql.Connections} expects; empty when it returns no row. */
    private Optional<Connection<Action>> page(String cypher, Map<String, Object> params, PageRequest page) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("offset", page.offset());
        all.put("limit", page.limit());
        return neo4j.query(cypher).bindAll(all).fetchAs(Record.class).mappedBy((t, r) -> r).one()
                .map(row -> Connection.of(row.get("items").asList(v -> Action.from(v.asNode())), page,
                        row.get("total").asInt()));
    }

    private AccountabilityChain chain(Record row) {
        Action action = Action.from(row.get("a").asNode());
        boolean owned = !row.get("owner").isNull();
        List<List<AccountabilityLink>> owners = row.get("ownerPaths").asList(Value::asPath).stream().map(this::links).toList();
        List<List<AccountabilityLink>> bodies = row.get("bodyPaths").asList(Value::asPath).stream()
                .map(body -> links(body).subList(1, body.length() + 1)).toList();
        List<AccountabilityPath> paths = new ArrayList<>();
        if (bodies.isEmpty()) {
            for (List<AccountabilityLink> owner : owners.isEmpty() ? List.<List<AccountabilityLink>>of(List.of()) : owners) {
                paths.add(path(action, owner, List.of()));
            }
        } else if (!owners.isEmpty() && owners.getFirst().getFirst().node() instanceof Board) {
            Object owner = owners.getFirst().getFirst().node();
            boolean ownerOnBodyClimb = bodies.stream().anyMatch(body -> nodeIndex(body, owner) >= 0);
            for (List<AccountabilityLink> body : bodies) {
                paths.addAll(boardOwnerPaths(action, owners, body, ownerOnBodyClimb));
            }
        } else {
            for (List<AccountabilityLink> owner : owners.isEmpty() ? List.<List<AccountabilityLink>>of(List.of()) : owners) {
                for (List<AccountabilityLink> body : bodies) {
                    paths.add(path(action, owner, body));
                }
            }
        }
        return new AccountabilityChain(action, owned, message(owned, bodies.isEmpty()),
                paths.stream().distinct().sorted(PATH_ORDER).toList());
    }

    /**
     * Shorter paths first, then by the ids along them, then by their links' relationships and
     * relations: the same order at every call, whatever order Neo4j finds them in.
     */
    private static final Comparator<AccountabilityPath> PATH_ORDER = Comparator
            .comparingInt((AccountabilityPath p) -> p.links().size())
            .thenComparing(p -> p.links().stream().map(l -> l.node() instanceof Identified i ? i.id() : "").toList(),
                    ListOrder.lexicographic(Comparator.<String>naturalOrder()))
            .thenComparing(p -> p.links().stream().map(l -> String.valueOf(l.relationship()) + "/" + l.relation()).toList(),
                    ListOrder.lexicographic(Comparator.<String>naturalOrder()));

    /**
     * The paths of an action owned by a board, along one climb {@code body} of its accountable body,
     * naming no board twice: when the owner is the accountable body, the action leads to it by
     * OWNED_BY; when the owner is above it ({@code ownerOnBodyClimb}: on any of its climbs), the path
     * is the climb, from the action ACCOUNTABLE_TO the body (so the owner is never shown accountable
     * to a body below it); when the owner reports up to it, the owner's climbs that reach it, up to
     * it, then its climb; otherwise the owner alone, then ACCOUNTABLE_TO the body and its climb (the
     * owner's own reporting lines are the board's, not the action's).
     */
    private static List<AccountabilityPath> boardOwnerPaths(Action action, List<List<AccountabilityLink>> owners,
            List<AccountabilityLink> body, boolean ownerOnBodyClimb) {
        Object owner = owners.getFirst().getFirst().node();
        int onBody = nodeIndex(body, owner);
        if (onBody == 0) {
            return List.of(pathThrough(action, List.of(), body));
        }
        if (ownerOnBodyClimb) {
            return List.of(path(action, List.of(), body));
        }
        List<AccountabilityPath> through = new ArrayList<>();
        for (List<AccountabilityLink> climb : owners) {
            int reach = nodeIndex(climb, body.getFirst().node());
            if (reach > 0) {
                through.add(pathThrough(action, climb.subList(0, reach), body));
            }
        }
        return through.isEmpty() ? List.of(path(action, owners.getFirst().subList(0, 1), body)) : through;
    }

    private static AccountabilityPath path(Action action, List<AccountabilityLink> ownerLinks, List<AccountabilityLink> bodyLinks) {
        List<AccountabilityLink> links = new ArrayList<>();
        boolean viaOwner = !ownerLinks.isEmpty();
        links.add(new AccountabilityLink(action, viaOwner ? "OWNED_BY" : bodyLinks.isEmpty() ? null : "ACCOUNTABLE_TO", null));
        for (int i = 0; i < ownerLinks.size(); i++) {
            AccountabilityLink link = ownerLinks.get(i);
            boolean last = i == ownerLinks.size() - 1;
            links.add(last ? new AccountabilityLink(link.node(), bodyLinks.isEmpty() ? null : "ACCOUNTABLE_TO", null) : link);
        }
        links.addAll(bodyLinks);
        return new AccountabilityPath(List.copyOf(links), links.getLast().node());
    }

    /**
     * The path of an action whose owner (a board) reports, through {@code ownerLinks}, up to the body
     * the action is accountable to: the owner's links up to that body, then the body's own climb.
     */
    private static AccountabilityPath pathThrough(Action action, List<AccountabilityLink> ownerLinks,
            List<AccountabilityLink> bodyLinks) {
        List<AccountabilityLink> links = new ArrayList<>();
        links.add(new AccountabilityLink(action, "OWNED_BY", null));
        links.addAll(ownerLinks);
        links.addAll(bodyLinks);
        return new AccountabilityPath(List.copyOf(links), links.getLast().node());
    }

    /** The position of {@code node} among {@code links}, or -1. */
    private static int nodeIndex(List<AccountabilityLink> links, Object node) {
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).node().equals(node)) {
                return i;
            }
        }
        return -1;
    }

    /** The nodes of {@code path} as links, each with the relationship leading to the next node. */
    private List<AccountabilityLink> links(Path path) {
        List<AccountabilityLink> links = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        path.nodes().forEach(nodes::add);
        List<Relationship> rels = new ArrayList<>();
        path.relationships().forEach(rels::add);
        for (int i = 0; i < nodes.size(); i++) {
            Relationship next = i < rels.size() ? rels.get(i) : null;
            String relation = next != null && next.containsKey("relation") ? next.get("relation").asString() : null;
            links.add(new AccountabilityLink(types.map(nodes.get(i)), next == null ? null : next.type(), relation));
        }
        return links;
    }

    private static String message(boolean owned, boolean noBody) {
        if (!owned && noBody) {
            return "No owner and no accountable body are recorded for this action.";
        }
        if (!owned) {
            return "No owner is recorded for this action; the chain runs from its accountable body.";
        }
        return noBody ? "No accountable body is recorded for this action; the chain ends with its owner." : null;
    }
}
