package io.pactbroker.broker.common.hal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes HAL and problem documents with the application's Jackson mapper. */
@Provider
@Produces({"application/hal+json", "application/problem+json"})
public class HalJsonWriter implements MessageBodyWriter<Object> {

    @Inject
    ObjectMapper mapper;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return mediaType != null
                && mediaType.getType().equals("application")
                && (mediaType.getSubtype().equals("hal+json")
                        || mediaType.getSubtype().equals("problem+json"));
    }

    @Override
    public void writeTo(
            Object value,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders,
            OutputStream entityStream)
            throws IOException {
        if (value instanceof String s) {
            entityStream.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            mapper.writeValue(entityStream, value);
        }
    }
}
