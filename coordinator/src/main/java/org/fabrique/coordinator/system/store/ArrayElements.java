package org.fabrique.coordinator.system.store;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Conditions on one element of an array, for updates that then change that element through the
 * positional {@code field.$}. The conditions go into {@code $elemMatch} as an explicit
 * {@code $and}: the embedded server (mongo-java-server 1.47) resolves the positional operator only
 * from that form and fails the update with "The positional operator did not find the match" for
 * the plain form; MongoDB treats both the same.
 */
public final class ArrayElements {

    private ArrayElements() {
    }

    public static Criteria elementOf(String arrayField, Criteria... conditions) {
        return Criteria.where(arrayField).elemMatch(new Criteria().andOperator(conditions));
    }
}
