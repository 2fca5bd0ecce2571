package com.trackagoat.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.trackagoat.api.Field;
import com.trackagoat.api.constraints.MaxCodePoints;
import com.trackagoat.api.constraints.Metadata;
import com.trackagoat.api.constraints.Readme;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;

/**
 * Body of POST /api/v1/projects/{projectId}/videos. {@code url} must be a TikTok video or photo URL
 * ({@link #URL}; the service takes the handle and the id from it). {@code readme} and
 * {@code metadata} are {@link Field}s because restoring a deleted video overwrites only given ones.
 */
@RegisterForReflection
@Schema(name = "VideoCreate", description = "A video by its TikTok URL (`…tiktok.com/@<handle>/video/<digits>` or `/photo/<digits>`)")
public record VideoCreate(
        @Schema(required = true, examples = "https://www.tiktok.com/@charlidamelio/video/7301234567890123456")
        @NotNull @MaxCodePoints(MAX_URL) @Pattern(regexp = URL) String url,
        // the document's shared UUID schema, as a plain UUID component gets it (implementation = UUID.class would inline it)
        @Schema(ref = "UUID", type = SchemaType.STRING, description = "A creator of this project; default: the project's creator with the URL's handle")
        Field<@NotNull UUID> creatorId,
        @Schema(implementation = String.class, description = Readme.DESCRIPTION, nullable = true) Field<@Readme String> readme,
        @Schema(implementation = Map.class, additionalProperties = Object.class, description = Metadata.DESCRIPTION) Field<@NotNull @Metadata JsonNode> metadata) {

    /** {@code http(s)://(www.|m.)tiktok.com/@<handle>/video/<digits>} or {@code …/photo/<digits>}; group 1 the handle, 2 the id. */
    public static final String URL = "^https?://(?:www\\.|m\\.)?tiktok\\.com/@([^/?#\\s]+)/(?:video|photo)/(\\d{1,25})(?:[/?#].*)?$";
    public static final int MAX_URL = 2048;
}
