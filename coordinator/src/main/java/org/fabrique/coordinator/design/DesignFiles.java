package org.fabrique.coordinator.design;

import org.bson.Document;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Design files (STL parts, preview images) in GridFS, addressed by their SHA-256: a file is
 * stored once however many versions use it, and what is served is what was checked.
 */
@Component
class DesignFiles {

    private final ReactiveGridFsTemplate gridFs;

    DesignFiles(ReactiveGridFsTemplate gridFs) {
        this.gridFs = gridFs;
    }

    /** Stores the bytes under their SHA-256 unless a file with that hash is already there. */
    Mono<Void> store(String sha256, byte[] bytes, String contentType) {
        return gridFs.findFirst(byHash(sha256))
                .hasElement()
                .flatMap(present -> present ? Mono.empty()
                        : gridFs.store(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes)), sha256, contentType,
                                new Document("sha256", sha256)).then());
    }

    Flux<DataBuffer> read(String sha256) {
        return gridFs.findFirst(byHash(sha256))
                .flatMap(gridFs::getResource)
                .flatMapMany(resource -> resource.getDownloadStream());
    }

    private static Query byHash(String sha256) {
        return Query.query(Criteria.where("filename").is(sha256));
    }
}
