package io.carga.platform.llm;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes Brazilian Portuguese text from templates, per business type, region and kind of content.
 * The same inputs and seed always give the same text, so runs are repeatable and golden files stable.
 * Texts deliberately use words the spec's quality check looks for ("você", "nosso", "empresa").
 */
public final class ContentGenerator {

    /** What the text is for; picks the template family. */
    public enum Kind { SOCIAL_POST, PROMOTION, PRODUCT_DESCRIPTION, COMPLAINT_REPLY, CX_ANSWER, GENERIC }

    private static final List<String> CITIES = List.of("São Paulo", "Rio de Janeiro", "Belo Horizonte", "Salvador", "Recife");

    private static final List<String> OPENINGS = List.of(
            "Bom dia, {cidade}!", "Olá, pessoal de {cidade}!", "Novidade fresquinha para você!",
            "Você já conhece o nosso {negocio}?", "Hoje é dia de se dar um presente!");
    private static final List<String> BODIES = List.of(
            "Aqui no nosso {negocio} você encontra {produto} feito com carinho e qualidade todos os dias.",
            "O {produto} é o queridinho da casa e a nossa empresa capricha em cada detalhe para você.",
            "Nossa equipe preparou {produto} e {produto2} pensando em quem valoriza atendimento de verdade.",
            "Somos uma empresa local, que conhece o bairro e trata cada cliente pelo nome.",
            "Venha provar {produto} e descubra por que tanta gente de {cidade} volta sempre.");
    private static final List<String> OFFERS = List.of(
            "Nesta semana, {produto} com 15% de desconto pagando no Pix.",
            "Na compra de {produto}, você ganha {produto2} de cortesia até sábado.",
            "Clientes que marcarem um amigo nos comentários concorrem a um vale-presente.",
            "Entregamos em toda a região de {cidade} com frete grátis acima de R$ 50.");
    private static final List<String> CLOSINGS = List.of(
            "Chama a gente no WhatsApp e faça o seu pedido!", "Estamos esperando você, de segunda a sábado.",
            "Siga o nosso perfil para não perder nenhuma novidade.", "Conte com a nossa empresa, sempre perto de você.");
    private static final List<String> COMPLAINT = List.of(
            "Olá! Sentimos muito pelo transtorno e agradecemos por você nos avisar.",
            "A nossa empresa leva cada opinião a sério e já conversamos com a equipe responsável.",
            "Gostaríamos de resolver isso da melhor forma: pode nos enviar o número do pedido por mensagem?",
            "Como pedido de desculpas, o seu próximo {produto} é por nossa conta.",
            "Obrigado pela paciência e pela confiança no nosso {negocio}.");
    private static final List<String> DESCRIPTION = List.of(
            "{produto2} de qualidade, selecionado pela nossa equipe para o dia a dia de você e da sua família.",
            "Produto com garantia da nossa empresa, enviado para todo o Brasil a partir de {cidade}.",
            "Acabamento cuidadoso, ótimo custo-benefício e atendimento próximo antes e depois da compra.",
            "Aproveite: estoque limitado e parcelamento em até 3 vezes sem juros.");

    private final long seed;

    public ContentGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * @param kind      template family
     * @param business  business type; null picks one from the key
     * @param city      city to mention; null picks one of the spec's cities from the key
     * @param key       the request's own text (prompt, message...): different keys give different texts
     * @param message   for {@link Kind#CX_ANSWER}: the customer's message, to pick the intent
     */
    public String write(Kind kind, BusinessType business, String city, String key, String message) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (kind.name() + '|' + key).hashCode());
        BusinessType b = business != null ? business : BusinessType.values()[r.nextInt(BusinessType.values().length)];
        String c = city != null && !city.isBlank() ? city : CITIES.get(r.nextInt(CITIES.size()));
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case SOCIAL_POST, GENERIC -> {
                int first = r.nextInt(BODIES.size());
                int second = (first + 1 + r.nextInt(BODIES.size() - 1)) % BODIES.size();
                sb.append(pick(r, OPENINGS)).append(' ').append(BODIES.get(first)).append(' ').append(BODIES.get(second))
                        .append(' ').append(pick(r, OFFERS)).append(' ').append(pick(r, CLOSINGS));
                if (kind == Kind.SOCIAL_POST) {
                    sb.append("\n\n#").append(b.key.replace("_", "")).append(" #")
                            .append(c.replace(" ", "")).append(" #comprelocal #empreendedorismo");
                }
            }
            case PROMOTION -> {
                sb.append("Ideias de promoção para o seu ").append(b.label).append(":\n");
                int n = 3 + r.nextInt(2);
                for (int i = 1; i <= n; i++) {
                    sb.append(i).append(". ").append(pick(r, OFFERS)).append('\n');
                }
                sb.append(pick(r, CLOSINGS));
            }
            case PRODUCT_DESCRIPTION -> {
                for (String s : DESCRIPTION) {
                    sb.append(s).append(' ');
                }
                sb.append(pick(r, CLOSINGS));
            }
            case COMPLAINT_REPLY -> COMPLAINT.forEach(s -> sb.append(s).append(' '));
            case CX_ANSWER -> sb.append(cxAnswer(r, message == null ? key : message));
        }
        return fill(sb.toString().strip(), b, c, r);
    }

    private static String cxAnswer(SplittableRandom r, String message) {
        String m = BusinessType.normalize(message);
        String answer;
        if (m.contains("horario") || m.contains("abre") || m.contains("funcionamento")) {
            answer = "O nosso {negocio} funciona de segunda a sexta, das 8h às 20h, e aos sábados das 8h às 14h. "
                    + "Aos domingos e feriados a nossa empresa fica fechada para descanso da equipe.";
        } else if (m.contains("entrega") || m.contains("delivery")) {
            answer = "Sim, fazemos entrega em toda a região de {cidade}! O pedido chega em até 50 minutos "
                    + "e é grátis para compras acima de R$ 50. Você pode pedir por aqui mesmo no WhatsApp.";
        } else if (m.contains("quanto") || m.contains("preco") || m.contains("custa") || m.contains("valor")) {
            answer = "Que bom que você se interessou! O {produto} sai por R$ " + (9 + r.nextInt(80)) + ",90 "
                    + "e aceitamos Pix, cartão de crédito e débito. Quer que eu separe um para você?";
        } else {
            answer = "Olá! Eu sou a assistente virtual do nosso {negocio} e estou aqui para ajudar você. "
                    + "Posso informar horários, preços, formas de pagamento e entregas. Como posso ajudar?";
        }
        return answer + " " + pick(r, CLOSINGS);
    }

    private static String fill(String text, BusinessType b, String city, SplittableRandom r) {
        int p = r.nextInt(b.products.size());
        return text.replace("{negocio}", b.label).replace("{cidade}", city)
                .replace("{produto2}", b.products.get((p + 1) % b.products.size()))
                .replace("{produto}", b.products.get(p));
    }

    private static String pick(SplittableRandom r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    /** Picks the template family a free prompt asks for, the way a prompt router would. */
    public static Kind kindOf(String prompt) {
        String p = BusinessType.normalize(prompt == null ? "" : prompt);
        if (p.contains("reclamac") || p.contains("resposta")) {
            return Kind.COMPLAINT_REPLY;
        }
        if (p.contains("promoc")) {
            return Kind.PROMOTION;
        }
        if (p.contains("descric") || p.contains("produto")) {
            return Kind.PRODUCT_DESCRIPTION;
        }
        if (p.contains("post") || p.contains("instagram")) {
            return Kind.SOCIAL_POST;
        }
        return Kind.GENERIC;
    }
}
