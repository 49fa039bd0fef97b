package ai.hrflow.webhook.hrjson;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/**
 * A place, as written and as geocoded.
 *
 * @param text the place as written, such as {@code Paris, France}
 * @param lat latitude, or null if not geocoded
 * @param lng longitude, or null if not geocoded
 * @param fields address parts by name ({@code city}, {@code country}, {@code postcode}, ...), sent
 *     as {@code fields} or {@code geojson}; never null
 * @param gmaps a Google Maps link, or null
 */
public record Location(String text, Double lat, Double lng, @JsonAlias("geojson") Map<String, String> fields, String gmaps) {

  /**
   * Replaces a missing address with an empty one and drops empty parts.
   */
  public Location {
    fields = NullFree.map(fields);
  }
}
