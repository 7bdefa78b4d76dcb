package org.partnershipgraph.search;

/** The kinds of entity full-text search finds, each with the node label it stands for. */
public enum SearchKind {
    /** Actions, by title and description. */
    ACTION("Action"),
    /** Organisations, by name, short name and aliases. */
    ORGANISATION("Organisation"),
    /** Boards, by name, short name and aliases. */
    BOARD("Board"),
    /** Strategies, by title and vision. */
    STRATEGY("Strategy"),
    /** People, by name. */
    PERSON("Person");

    private final String label;

    SearchKind(String label) {
        this.label = label;
    }

    /** The node label of this kind. */
    String label() {
        return label;
    }
}
