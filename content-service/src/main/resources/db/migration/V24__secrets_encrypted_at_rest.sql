-- Publisher and webhook secrets are kept encrypted under the deployment key (AES-256-GCM, SecretBox): secret
-- holds base64(nonce || ciphertext || tag) and secret_key_id the id of the key that sealed it. A row from
-- before this migration has no key id and its secret in clear; StoredSecrets seals such rows at start.
ALTER TABLE publisher ADD COLUMN secret_key_id text;
ALTER TABLE webhook_subscription ADD COLUMN secret_key_id text;
