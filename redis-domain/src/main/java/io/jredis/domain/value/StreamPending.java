package io.jredis.domain.value;

/** An entry delivered to a consumer and not yet acknowledged (Redis's NACK). */
public final class StreamPending {

    private StreamConsumer consumer;
    private long deliveryTime;
    private long deliveryCount;

    public StreamPending(StreamConsumer consumer, long deliveryTime, long deliveryCount) {
        this.consumer = consumer;
        this.deliveryTime = deliveryTime;
        this.deliveryCount = deliveryCount;
    }

    public StreamConsumer consumer() {
        return consumer;
    }

    void setConsumer(StreamConsumer consumer) {
        this.consumer = consumer;
    }

    public long deliveryTime() {
        return deliveryTime;
    }

    public void setDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    public long deliveryCount() {
        return deliveryCount;
    }

    public void setDeliveryCount(long deliveryCount) {
        this.deliveryCount = deliveryCount;
    }
}
