package io.socialroi.common.secrets;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The deployment's {@link SecretBox}, for the services that keep secrets (only built where injected). */
public class SecretBoxProducer {

    @Produces
    @Singleton
    SecretBox secretBox(@ConfigProperty(name = "suite.secrets.key") Optional<String> key,
            @ConfigProperty(name = "suite.secrets.key-file") Optional<String> keyFile,
            @ConfigProperty(name = "suite.secrets.previous-keys") Optional<List<String>> previous) {
        return SecretBox.fromConfig(key, keyFile, previous);
    }
}
