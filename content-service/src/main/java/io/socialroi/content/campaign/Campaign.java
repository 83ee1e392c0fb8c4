package io.socialroi.content.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A named effort of one workspace. The table's key is {@code (workspace_id, id)} so it can be distributed
 * by workspace; ids are random UUIDs, so the entity is identified by {@code id} and every query also names
 * the workspace.
 */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "workspace_id")
    public UUID workspaceId;
    public String name;
    /** The utm_campaign value; fixed at creation so links already shared keep their attribution. */
    public String slug;
    public String objective;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "budget_amount")
    public BigDecimal budgetAmount;
    @Column(name = "budget_currency")
    public String budgetCurrency;
    /** The budget in the workspace currency (converted with the rate of the start date when given in another). */
    @Column(name = "budget_workspace_amount")
    public BigDecimal budgetWorkspaceAmount;
    @Column(name = "budget_workspace_currency")
    public String budgetWorkspaceCurrency;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When the campaign was archived; null while it is active. */
    @Column(name = "archived_at")
    public Instant archivedAt;

    /** The campaign of this workspace, or null; never one of another workspace. */
    public static Campaign inWorkspace(UUID workspaceId, UUID id) {
        return find("workspaceId = ?1 and id = ?2", workspaceId, id).firstResult();
    }
}
