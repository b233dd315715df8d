package org.vigil.extract.internal;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens, sentences and named-entity tags, from Stanford CoreNLP's tokenizer and its CRF English NER model.
 * The model ships inside our jar; it is loaded once, on first use, and shared by all threads.
 */
public final class Nlp {

    /** The CoNLL four-class model: PERSON, ORGANIZATION, LOCATION and MISC. */
    public static final String MODEL = "/edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private static final Logger LOG = LoggerFactory.getLogger(Nlp.class);
    /** Offsets kept; hyphenated names ("al-Qaida") stay one token; text is not rewritten into PTB escapes. */
    private static final String TOKENIZER_OPTIONS =
            "invertible=true,splitHyphenated=false,ptb3Escaping=false,untokenizable=noneDelete";
    private static final TokenizerFactory<CoreLabel> TOKENIZERS =
            PTBTokenizer.factory(new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);

    private Nlp() {
    }

    private static final class Model {
        static final CRFClassifier<CoreLabel> CRF = load();
    }

    /** Loads the model now (it is otherwise loaded on first use); returns the milliseconds it took. */
    public static long warmUp() {
        long t0 = System.nanoTime();
        CRFClassifier<CoreLabel> crf = Model.CRF;
        LOG.debug("NER model ready with {} labels", crf.classIndex.size());
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static CRFClassifier<CoreLabel> load() {
        long t0 = System.nanoTime();
        try (InputStream raw = Nlp.class.getResourceAsStream(MODEL)) {
            if (raw == null) {
                throw new IllegalStateException("the NER model " + MODEL + " is missing from the classpath; "
                        + "the vigil-extract build unpacks it from the CoreNLP models artifact");
            }
            CRFClassifier<CoreLabel> crf = CRFClassifier.getClassifier(
                    new BufferedInputStream(new GZIPInputStream(new BufferedInputStream(raw, 1 << 16))));
            LOG.info("loaded the NER model {} in {} ms", MODEL, (System.nanoTime() - t0) / 1_000_000);
            return crf;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the NER model " + MODEL, e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the NER model " + MODEL + " does not match this CoreNLP version", e);
        }
    }

    /** Splits each region of {@code text} into sentences of tagged tokens; no sentence crosses a region. */
    public static List<Sentence> annotate(String text, List<Span> regions) {
        List<Sentence> out = new ArrayList<>();
        WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();
        for (int p = 0; p < regions.size(); p++) {
            Span region = regions.get(p);
            List<CoreLabel> words = TOKENIZERS.getTokenizer(
                    new StringReader(text.substring(region.start(), region.end()))).tokenize();
            for (List<CoreLabel> sentence : splitter.process(words)) {
                if (!sentence.isEmpty()) {
                    out.add(tag(out.size(), sentence, text, region.start(), p));
                }
            }
        }
        return out;
    }

    private static Sentence tag(int index, List<CoreLabel> words, String text, int offset, int paragraph) {
        List<CoreLabel> tagged = Model.CRF.classifySentence(words);
        List<Token> tokens = new ArrayList<>(tagged.size());
        for (CoreLabel w : tagged) {
            int start = offset + w.beginPosition();
            int end = offset + w.endPosition();
            String tag = w.get(CoreAnnotations.AnswerAnnotation.class);
            tokens.add(new Token(text.substring(start, end), start, end, tag == null ? "O" : tag));
        }
        return new Sentence(index, tokens.get(0).start(), tokens.get(tokens.size() - 1).end(), tokens, paragraph);
    }
}
