package org.fabrique.coordinator.geo;

/**
 * A coarse place: the finest location Fabrique keeps or publishes about anyone. In France it is
 * a département ({@code FR-69}); elsewhere the country and the first two characters of the
 * postcode. {@code latitude}/{@code longitude} are the area's centre when known, for distances.
 */
public record Area(String code, String name, String region, Double latitude, Double longitude) {

    public boolean hasCentre() {
        return latitude != null && longitude != null;
    }

    /** Great-circle distance in kilometres between the centres of two areas, if both are known. */
    public Double distanceKmTo(Area other) {
        if (!hasCentre() || other == null || !other.hasCentre()) {
            return null;
        }
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
