// Batch driver for the HeidelTime standalone jar (one JVM for many documents).
// Run: java -cp de.unihd.dbs.heideltime.standalone.jar HeidelBatch.java CONFIG_PROPS
// stdin, one document per line:  id \t NARRATIVES|NEWS \t YYYY-MM-DD or - \t base64(UTF-8 text)
// stdout, one line per document:  id \t OK \t base64(TimeML)   or   id \t ERR \t message
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        // HeidelTime logs to stdout/stderr; keep stdout for our protocol only
        System.setOut(new PrintStream(System.err, true, "UTF-8"));
        Map<String, HeidelTimeStandalone> taggers = new HashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            String id = f[0];
            try {
                String type = f[1].toUpperCase();
                HeidelTimeStandalone ht = taggers.get(type);
                if (ht == null) {
                    ht = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.valueOf(type),
                            OutputType.TIMEML, config, POSTagger.TREETAGGER);
                    taggers.put(type, ht);
                }
                String text = new String(Base64.getDecoder().decode(f[3]), StandardCharsets.UTF_8);
                String result = f[2].equals("-") ? ht.process(text) : ht.process(text, fmt.parse(f[2]));
                out.println(id + "\tOK\t" + Base64.getEncoder().encodeToString(result.getBytes(StandardCharsets.UTF_8)));
            } catch (Throwable e) {
                out.println(id + "\tERR\t" + String.valueOf(e).replace('\t', ' ').replace('\n', ' '));
            }
        }
    }
}
