package org.fabrique.coordinator.dashboard;

import org.fabrique.coordinator.need.NeedStatus;

/**
 * Where the items of some needs stand (all of them, one design's, one hospital's...), counted in
 * items, not lots.
 *
 * <p>The first group is a picture of now: {@code open} items still sought by open needs;
 * {@code claimed} (allocated to a maker, not started), {@code printing}, {@code printed} (waiting
 * to ship), {@code shipped} (in transit), {@code received} (waiting for inspection). The second
 * is cumulative: {@code requested} by every need ever posted, {@code withdrawn} (still open when
 * their need was cancelled or closed), {@code allocated} to lots, {@code produced} (printed and
 * reported), {@code delivered} (shipped at some point), {@code approved}, {@code rejected}, and
 * {@code returned} to their needs by lots released or whose lease lapsed.
 */
public record Progress(
        long open,
        long claimed,
        long printing,
        long printed,
        long shipped,
        long received,
        long requested,
        long withdrawn,
        long allocated,
        long produced,
        long delivered,
        long approved,
        long rejected,
        long returned) {

    /** Adds up lot and need groups; not thread-safe, one per computation. */
    public static final class Builder {
        private long open;
        private long claimed;
        private long printing;
        private long printed;
        private long shipped;
        private long received;
        private long requested;
        private long withdrawn;
        private long allocated;
        private long approved;
        private long rejected;
        private long returned;

        public Builder add(Figures.LotGroup group) {
            long items = group.items();
            allocated += group.quantity();
            switch (group.state()) {
                case CLAIMED -> claimed += items;
                case PRINTING -> printing += items;
                case PRINTED -> printed += items;
                case SHIPPED -> shipped += items;
                case RECEIVED -> received += items;
                case APPROVED -> approved += items;
                case REJECTED -> rejected += items;
                case RELEASED, EXPIRED -> returned += items;
            }
            return this;
        }

        public Builder add(Figures.NeedGroup group) {
            requested += group.quantity();
            if (group.status() == NeedStatus.OPEN) {
                open += group.open();
            } else if (group.status() == NeedStatus.CANCELLED || group.status() == NeedStatus.CLOSED) {
                withdrawn += group.open();
            }
            return this;
        }

        public Progress build() {
            long delivered = shipped + received + approved + rejected;
            return new Progress(open, claimed, printing, printed, shipped, received, requested, withdrawn, allocated,
                    printed + delivered, delivered, approved, rejected, returned);
        }
    }
}
