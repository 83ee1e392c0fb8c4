package io.socialroi.common.auth;

/** Where a service reads the revocations in force: content-service's database there, its API elsewhere. */
public interface RevocationSource {

    RevocationList fetch();
}
