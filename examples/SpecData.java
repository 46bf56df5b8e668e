package io.carga.examples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/** The spec's test data (section 3), shared by its journeys. */
public final class SpecData {
    private SpecData() {
    }

    public static final String PASSWORD = "TestPass123";
    public static final List<String> MARKETING_BUSINESSES = List.of("padaria", "restaurante", "loja_roupas", "salao_beleza");
    public static final List<String> CHAT_MESSAGES = List.of("Olá, preciso de ajuda", "Qual o horário de funcionamento?",
            "Vocês fazem entrega?", "Quanto custa o produto X?");
    public static final List<String> AI_PROMPTS = List.of("Crie um post para Instagram de uma padaria",
            "Escreva uma resposta para reclamação de cliente", "Gere ideias de promoção para restaurante",
            "Crie descrição de produto para e-commerce");
    public static final List<String> REGIONS = List.of("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Recife");
    public static final List<String> REGIONAL_BUSINESSES = List.of("açaí", "churrascaria", "farmácia", "pet shop", "academia");

    /**
     * A real 64×64 PNG logo. The spec uploads {@code b'fake_png_data'}, which a real platform rejects with 415;
     * a journey that should succeed sends an image.
     */
    public static final byte[] LOGO_PNG = png();

    /** {@code user_1000@gmail.com} … {@code user_9999@gmail.com}, as the spec logs in. */
    public static String randomEmail(RandomGenerator random) {
        return "user_" + random.nextInt(1000, 10000) + "@gmail.com";
    }

    public static Map<String, Object> login(RandomGenerator random) {
        return Map.of("email", randomEmail(random), "password", PASSWORD);
    }

    public static <T> T pick(List<T> list, RandomGenerator random) {
        return list.get(random.nextInt(list.size()));
    }

    private static byte[] png() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                img.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8 | 0x80);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
