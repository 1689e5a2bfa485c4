package cn.duban.supervision.rest;

import cn.duban.supervision.config.WebConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

/** Where the web page signs in. */
@Path("/app/config.json")
public class WebConfigResource {

    @Inject
    WebConfig web;

    public record PageConfig(String keycloakUrl, String clientId) {
    }

    // open: the page reads it before anyone has signed in, and it holds only public facts about the realm
    @PermitAll
    @SecurityRequirementsSet({}) // says so in the OpenAPI document: no token needed
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The Keycloak realm and public client the office's web page signs in with")
    public PageConfig get() {
        return new PageConfig(web.keycloakUrl(), web.clientId());
    }
}
