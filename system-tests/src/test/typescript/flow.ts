// The README's flow through the TypeScript client that openapi-generator (typescript-fetch) makes from the
// combined document, used as generated: no edits. GeneratedClientFlowIT compiles it with tsc (strict) and runs
// it with node against the packaged services, then checks the figures this prints as its last line.
import {
    AttributionApi, AuthApi, CampaignsApi, Configuration, ConversionsApi, CostsApi, CredentialsApi,
    EngagementEventsApi, IdentitiesApi, PostLifecycleApi, PostsApi, ReportsApi, ResponseError, WorkspacesApi,
} from '../../../target/generated-clients/typescript/index';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function env(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
}

const urls = {
    content: env('SUITE_CONTENT_URL'),
    engagement: env('SUITE_ENGAGEMENT_URL'),
    conversion: env('SUITE_CONVERSION_URL'),
    reporting: env('SUITE_REPORTING_URL'),
};

// typescript-fetch sends what accessToken gives as the whole Authorization header for an OAuth2 scheme (for an
// HTTP bearer scheme it adds "Bearer " itself), so the function answers the header value.
function config(basePath: string, token?: string): Configuration {
    return new Configuration({ basePath, accessToken: token ? async () => `Bearer ${token}` : undefined });
}

async function token(clientId: string, clientSecret: string): Promise<string> {
    const answer = await new AuthApi(config(urls.content)).createToken({
        grantType: 'client_credentials', clientId, clientSecret,
    });
    if (!answer.accessToken) {
        throw new Error('no access_token in the token answer');
    }
    return answer.accessToken;
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + 45_000;
    let last: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await attempt();
            if (value !== undefined) {
                return value;
            }
        } catch (e) {
            last = e;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${what} did not happen in time${last ? ': ' + String(last) : ''}`);
}

function localDate(date: Date, zone: string): Date {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
        .format(date);
    return new Date(day + 'T00:00:00Z');
}

async function main(): Promise<void> {
    const admin = await token(env('SUITE_ADMIN_CLIENT_ID'), env('SUITE_ADMIN_CLIENT_SECRET'));
    const workspace = await new WorkspacesApi(config(urls.content, admin)).createWorkspace({
        workspaceRequest: { name: 'Generated TS client ' + Date.now(), timeZone: 'Europe/Berlin', currency: 'EUR' },
    });
    const workspaceId = workspace.id!;
    const credential = await new CredentialsApi(config(urls.content, admin)).createCredential({
        workspaceId,
        credentialRequest: {
            name: 'typescript integration',
            scopes: ['content:read', 'content:write', 'engagement:read', 'engagement:write', 'conversions:read',
                'conversions:write', 'reports:read', 'costs:write'],
        },
    });
    const integration = await token(credential.clientId!, credential.clientSecret!);

    const today = localDate(new Date(), 'Europe/Berlin');
    const yesterday = new Date(today.getTime() - 86_400_000);
    const campaign = await new CampaignsApi(config(urls.content, integration)).createCampaign({
        workspaceId,
        campaignRequest: {
            name: 'Winter Sale', objective: 'SALES', startDate: yesterday,
            budget: { amount: '500.00', currency: 'EUR' },
        },
    });
    const posts = new PostsApi(config(urls.content, integration));
    const draft = await posts.createPost({
        workspaceId,
        postRequest: {
            campaignId: campaign.id, platform: 'INSTAGRAM', funnelStage: 'ACTION',
            caption: 'Hot chocolate, 20% off this week', mediaUrls: ['https://cdn.example/choc.jpg'],
            callToAction: 'Order now', landingUrl: 'https://shop.example/chocolate',
        },
    });
    const lifecycle = new PostLifecycleApi(config(urls.content, integration));
    const submitted = await lifecycle.submitPost({ workspaceId, postId: draft.id!, actionRequest: {} });
    const approved = await lifecycle.approvePost({
        workspaceId, postId: draft.id!, actionRequest: { comment: 'Looks good' },
    });

    const actor = 'ig:ts-' + Date.now();
    const customer = 'ts-customer-' + Date.now();
    const engagedAt = new Date(Date.now() - 3_600_000);
    const events = new EngagementEventsApi(config(urls.engagement, integration));
    // The post reaches engagement-service through content-service's change feed; until then it is unknown there.
    const ingested = await eventually('the post known to engagement-service', async () => {
        const result = await events.ingestEvents({
            workspaceId,
            engagementEvent: [
                { eventId: actor + '-comment', type: 'COMMENT', platform: 'INSTAGRAM', postId: draft.id, actorId: actor,
                    occurredAt: engagedAt, attributes: { text: 'Where is the shop?' } },
                { eventId: actor + '-share', type: 'SHARE', platform: 'INSTAGRAM', postId: draft.id, actorId: actor,
                    occurredAt: new Date(engagedAt.getTime() + 60_000) },
            ],
        });
        return (result.accepted ?? 0) + (result.duplicates ?? 0) === 2 ? result : undefined;
    });
    const identity = await new IdentitiesApi(config(urls.conversion, integration)).linkIdentities({
        workspaceId, identityRequest: { platform: 'INSTAGRAM', actorId: actor, customerId: customer },
    });
    const purchase = await new ConversionsApi(config(urls.conversion, integration)).recordConversion({
        workspaceId,
        conversionRequest: {
            eventId: 'ts-order-' + Date.now(), type: 'PURCHASE', value: { amount: '120.00', currency: 'EUR' },
            occurredAt: new Date(), customerId: customer, actorIds: [actor],
        },
    });
    const cost = await new CostsApi(config(urls.reporting, integration)).createCost({
        workspaceId,
        costRequest: {
            category: 'AD_SPEND', amount: { amount: '40.00', currency: 'EUR' }, incurredOn: today,
            campaignId: campaign.id, platform: 'INSTAGRAM',
        },
    });

    const reports = new ReportsApi(config(urls.reporting, integration));
    const roi = await eventually('revenue in the ROI report', async () => {
        const report = await reports.getRoiReport({ workspaceId, from: yesterday, to: today, groupBy: 'campaign' });
        const row = report.rows?.find((r) => r.key === campaign.id);
        return row && Number(row.revenue?.amount ?? 0) > 0 ? row : undefined;
    });
    const attribution = await eventually('the purchase credited to the post', async () => {
        const report = await new AttributionApi(config(urls.conversion, integration)).getAttribution({
            workspaceId, from: yesterday, to: today, groupBy: 'post', model: 'LAST_TOUCH',
        });
        const row = report.rows?.find((r) => r.key === draft.id);
        return row ? row : undefined;
    });

    console.log(JSON.stringify({
        workspaceId, postId: draft.id, statuses: [draft.status, submitted.status, approved.status],
        accepted: ingested.accepted, identity: identity.customerId, purchase: purchase.value?.amount,
        cost: cost.amount?.amount, revenue: roi.revenue?.amount, spend: roi.spend?.amount, roi: roi.roi,
        roas: roi.roas, attributedRevenue: attribution.revenue?.amount, attributedConversions: attribution.conversions,
    }));
}

main().catch(async (e: unknown) => {
    if (e instanceof ResponseError) {
        console.error(`${e.response.status} from ${e.response.url}: ${await e.response.text()}`);
    }
    console.error(e instanceof Error ? e.stack ?? e.message : String(e));
    process.exitCode = 1;
});
