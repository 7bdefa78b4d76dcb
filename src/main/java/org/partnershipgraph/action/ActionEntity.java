package org.partnershipgraph.action;

import java.time.LocalDate;

import org.springframework.data.annotation.Version;
import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/**
 * An action as written by mutations: its own properties only, no relationship fields (those are
 * written by Cypher), so saving it touches this node alone and its {@code @Version} guards it.
 */
@Node({"Action", "Node"})
class ActionEntity {

    @Id
    private String id;

    @Version
    private Long version;

    private String title;
    private String description;
    private String kind;
    private String status;
    private String statusText;
    private String rag;
    private Integer percentComplete;
    private LocalDate asOf;
    private LocalDate startDate;
    private LocalDate dueDate;
    private LocalDate completedDate;
    private String timescale;
    private String ownerText;
    private Integer leadTimeDays;
    private Double weight;

    ActionEntity() {
    }

    ActionEntity(String id, String title, String kind, String status, LocalDate asOf) {
        this.id = id;
        this.title = title;
        this.kind = kind;
        this.status = status;
        this.asOf = asOf;
    }

    String getId() {
        return id;
    }

    Long getVersion() {
        return version;
    }

    String getTitle() {
        return title;
    }

    void setTitle(String title) {
        this.title = title;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getStatus() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
    }

    String getStatusText() {
        return statusText;
    }

    void setStatusText(String statusText) {
        this.statusText = statusText;
    }

    String getRag() {
        return rag;
    }

    void setRag(String rag) {
        this.rag = rag;
    }

    Integer getPercentComplete() {
        return percentComplete;
    }

    void setPercentComplete(Integer percentComplete) {
        this.percentComplete = percentComplete;
    }

    LocalDate getAsOf() {
        return asOf;
    }

    void setAsOf(LocalDate asOf) {
        this.asOf = asOf;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    LocalDate getDueDate() {
        return dueDate;
    }

    void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    LocalDate getCompletedDate() {
        return completedDate;
    }

    void setCompletedDate(LocalDate completedDate) {
        this.completedDate = completedDate;
    }

    String getTimescale() {
        return timescale;
    }

    void setTimescale(String timescale) {
        this.timescale = timescale;
    }

    String getOwnerText() {
        return ownerText;
    }

    void setOwnerText(String ownerText) {
        this.ownerText = ownerText;
    }

    Integer getLeadTimeDays() {
        return leadTimeDays;
    }

    void setLeadTimeDays(Integer leadTimeDays) {
        this.leadTimeDays = leadTimeDays;
    }

    Double getWeight() {
        return weight;
    }

    void setWeight(Double weight) {
        this.weight = weight;
    }
}
