package io.socialroi.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socialroi.common.openapi.SuiteOpenApi.OperationIds;
import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void collectionsItemsActionsAndSubResourcesReadLikeMethods() {
        assertEquals("createWorkspace", OperationIds.of("POST", "/workspaces"));
        assertEquals("listWorkspaces", OperationIds.of("GET", "/workspaces"));
        assertEquals("getWorkspace", OperationIds.of("GET", "/workspaces/{workspaceId}"));
        assertEquals("createPost", OperationIds.of("POST", "/workspaces/{workspaceId}/posts"));
        assertEquals("updateCampaign", OperationIds.of("PATCH", "/workspaces/{workspaceId}/campaigns/{campaignId}"));
        assertEquals("submitPost", OperationIds.of("POST", "/workspaces/{workspaceId}/posts/{postId}/submit"));
        assertEquals("deactivateUser", OperationIds.of("POST", "/users/{userId}/deactivate"));
        assertEquals("getAudienceLift", OperationIds.of("GET", "/workspaces/{workspaceId}/audiences/{audienceId}/lift"));
        assertEquals("listAudienceMembers",
                OperationIds.of("GET", "/workspaces/{workspaceId}/audiences/{audienceId}/members"));
        assertEquals("getExchangeRate",
                OperationIds.of("GET", "/workspaces/{workspaceId}/exchange-rates/{currency}/{date}"));
        assertEquals("createIdentity", OperationIds.of("POST", "/identities"));
        assertEquals("getEngagementSummary", OperationIds.of("GET", "/workspaces/{workspaceId}/engagement/summary"));
        assertEquals("getRoiReport", OperationIds.of("GET", "/workspaces/{workspaceId}/reports/roi"));
        assertEquals("createToken", OperationIds.of("POST", "/auth/token"));
        assertEquals("checkTrackedLink", OperationIds.of("HEAD", "/r/{code}"));
        assertEquals("getClickScript", OperationIds.of("GET", "/s/{workspaceId}.js"));
        assertEquals("changePassword", OperationIds.of("POST", "/auth/password"));
        assertEquals("resetPassword", OperationIds.of("POST", "/auth/password-reset"));
        assertEquals("createPasswordResetLink", OperationIds.of("POST", "/users/{userId}/password-reset"));
        assertEquals("recordConversionBatch", OperationIds.of("POST", "/workspaces/{workspaceId}/conversions/batch"));
    }

    @Test
    void onlyPostsToACollectionCreate() {
        assertEquals(true, SuiteOpenApi.creates(org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.POST,
                "/workspaces/{workspaceId}/posts/{postId}/approval-links"));
        assertEquals(false, SuiteOpenApi.creates(org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.POST,
                "/workspaces/{workspaceId}/posts/{postId}/submit"));
        assertEquals(true, SuiteOpenApi.creates(org.eclipse.microprofile.openapi.models.PathItem.HttpMethod.POST,
                "/workspaces/{workspaceId}/conversions/batch"));
    }
}
